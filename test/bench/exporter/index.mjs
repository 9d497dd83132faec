// Exporter benchmark: the same LLM-like spans through our LangfuseSpanProcessor, @langfuse/otel's
// LangfuseSpanProcessor and the plain OTel BatchSpanProcessor + OTLP exporters, into one local
// sink that decodes and counts what arrives. Every run of every variant is its own process;
// the order alternates between runs; the tables show medians.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runVariant } from '../lib/child.mjs';
import { ensurePeers } from '../lib/peers.mjs';
import { closedPort, startSink } from '../lib/sink.mjs';
import { fmt, markdownTable, median, orderForRun, ratio } from '../lib/stats.mjs';

const VARIANT_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'variant.mjs');
const MB = 1024 * 1024;
// How long the down scenario waits for forceFlush (retries with backoff may take longer).
const DOWN_FLUSH_WAIT_MS = 15_000;

const LABELS = {
  floor: 'span creation only (no processor)',
  ours: '**ours** `LangfuseSpanProcessor` (OTLP protobuf)',
  'ours-gzip': "ours with `compression: 'gzip'`",
  langfuse: '`@langfuse/otel` `LangfuseSpanProcessor` (OTLP JSON)',
  'otlp-json': 'BatchSpanProcessor + OTLP/HTTP JSON',
  'otlp-proto': 'BatchSpanProcessor + OTLP/HTTP protobuf',
};

/** Spans the processor itself said it dropped or failed to send. */
function reportedLoss(result) {
  if (result.stats && typeof result.stats === 'object') {
    let total = 0;
    for (const [key, value] of Object.entries(result.stats)) {
      if (typeof value === 'number' && /drop|fail|discard|lost/i.test(key)) total += value;
    }
    return total;
  }
  return result.diag?.droppedReported ?? 0;
}

async function runScenario({ name, variants, runs, spans, pace, url, sink, log, flushTimeoutMs = 90_000 }) {
  const results = Object.fromEntries(variants.map((v) => [v, []]));
  for (let run = 0; run < runs; run++) {
    for (const variant of orderForRun(variants, run)) {
      sink?.reset();
      const args = [variant, url, String(spans), pace, String(flushTimeoutMs)];
      const r = await runVariant(VARIANT_SCRIPT, args, { timeoutMs: 150_000 });
      if (r.error) {
        log(`  ${name} ${variant} run ${run + 1}: ${r.error.split('\n')[0]}`);
        results[variant].push({ error: r.error });
        continue;
      }
      const received = sink ? sink.stats() : undefined;
      const row = {
        spansPerSec: spans / (r.wallMs / 1000),
        cpuUsPerSpan: r.cpuUs / spans,
        peakRssMB: r.peakRss / MB,
        rssBeforeMB: r.rssBefore / MB,
        rssGrowthMB: (r.peakRss - r.rssBefore) / MB,
        rssAfterFlushMB: r.rssAfterFlush / MB,
        wallMs: r.wallMs,
        received: received?.spans ?? 0,
        lost: spans - (received?.spans ?? 0),
        bytesPerSpan: received?.spans ? received.bodyBytes / received.spans : Number.NaN,
        duplicates: received?.duplicates ?? 0,
        reported: reportedLoss(r),
        diagErrors: r.diag.errors,
        diagWarnings: r.diag.warnings,
        thrown: r.failures.thrown + r.failures.uncaught,
        unhandled: r.failures.unhandledRejections,
        flush: r.flush,
        stats: r.stats,
        samples: r.diag.samples,
      };
      row.silentLost = variant === 'floor' ? 0 : Math.max(0, row.lost - row.reported);
      results[variant].push(row);
      log(
        `  ${name} ${variant.padEnd(10)} run ${run + 1}: ${fmt(row.cpuUsPerSpan, 1)} µs/span CPU, ` +
          `${fmt(row.spansPerSec)} spans/s, received ${row.received}/${spans}, peak RSS ${fmt(row.peakRssMB)} MB`,
      );
    }
  }
  return results;
}

/** Median of `key` over the successful runs of one variant. */
function med(rows, key) {
  return median(rows.filter((r) => !r.error).map((r) => r[key]));
}

function okRuns(rows) {
  const ok = rows.filter((r) => !r.error).length;
  return ok === rows.length ? `${ok}` : `${ok}/${rows.length}`;
}

function throughputTable(results, spans) {
  const lf = med(results.langfuse ?? [], 'cpuUsPerSpan');
  const floor = med(results.floor ?? [], 'cpuUsPerSpan');
  const rows = Object.entries(results).map(([v, rs]) => {
    if (!rs.some((r) => !r.error))
      return [LABELS[v], 'failed: see log', '', '', '', '', '', '', '', '', '', ''];
    const cpu = med(rs, 'cpuUsPerSpan');
    // A processor that drops most of a burst spends little per span *created*: per span delivered
    // is what its work bought.
    const perDelivered = (cpu - floor) * (spans / med(rs, 'received'));
    return [
      LABELS[v],
      fmt(med(rs, 'spansPerSec')),
      fmt(cpu, 1),
      v === 'floor' ? '—' : fmt(cpu - floor, 1),
      v === 'floor' || v === 'langfuse' ? '—' : `${ratio(cpu, lf)} (${ratio(cpu - floor, lf - floor)})`,
      v === 'floor' ? '—' : fmt(perDelivered, 1),
      fmt(med(rs, 'peakRssMB')),
      v === 'floor' ? '—' : fmt(med(rs, 'bytesPerSpan')),
      v === 'floor' ? '—' : `${fmt(med(rs, 'received'))} / ${fmt(spans)}`,
      v === 'floor' ? '—' : fmt(med(rs, 'reported')),
      v === 'floor' ? '—' : fmt(med(rs, 'silentLost')),
      okRuns(rs),
    ];
  });
  return markdownTable(
    [
      'variant',
      'spans/s',
      'CPU µs/span',
      'of it processor',
      'CPU vs @langfuse/otel (processor only)',
      'processor µs per span delivered',
      'peak RSS MB',
      'bytes/span',
      'received',
      'loss reported',
      'silently lost',
      'runs',
    ],
    rows,
  );
}

function downTable(results, spans) {
  const rows = Object.entries(results).map(([v, rs]) => {
    if (!rs.some((r) => !r.error)) return [LABELS[v], 'failed: see log', '', '', '', '', '', '', ''];
    const ok = rs.filter((r) => !r.error);
    const stat = (key) => median(ok.map((r) => r.stats?.[key]));
    const reported = ok[0].stats
      ? `${fmt(stat('dropped'))} dropped + ${fmt(stat('failed'))} failed, ${fmt(stat('queued'))} still queued`
      : `${fmt(med(rs, 'reported'))} (diag warnings)`;
    return [
      LABELS[v],
      `${fmt(med(rs, 'rssBeforeMB'))} → ${fmt(med(rs, 'peakRssMB'))}`,
      fmt(med(rs, 'rssGrowthMB')),
      fmt(med(rs, 'rssAfterFlushMB')),
      `${reported} of ${fmt(spans)}`,
      `${fmt(med(rs, 'diagWarnings'))} / ${fmt(med(rs, 'diagErrors'))}`,
      `${Math.max(...ok.map((r) => r.thrown))} / ${Math.max(...ok.map((r) => r.unhandled))}`,
      `${ok[0].flush.replace(/\|/g, '/').slice(0, 60)} (${fmt(med(rs, 'wallMs') / 1000, 1)} s)`,
      okRuns(rs),
    ];
  });
  return markdownTable(
    [
      'variant',
      'RSS before → peak MB',
      'RSS growth MB',
      'RSS after flush MB',
      'loss reported by the processor',
      'diag warnings / errors',
      'thrown / unhandled rejections (max)',
      `forceFlush outcome (waited ≤ ${DOWN_FLUSH_WAIT_MS / 1000} s; wall incl. flush)`,
      'runs',
    ],
    rows,
  );
}

/** Runs the exporter benchmark; returns its markdown section. */
export async function runExporterBench({ quick = false, log = console.log } = {}) {
  ensurePeers('langfuse', log);
  const runs = quick ? 2 : 5;
  const spans = quick ? 20_000 : 50_000;
  const pacedSpans = quick ? 10_000 : 20_000;
  const downSpans = quick ? 50_000 : 100_000;
  const variants = ['ours', 'ours-gzip', 'langfuse', 'otlp-json', 'otlp-proto', 'floor'];
  const sink = await startSink();
  let burst;
  let paced;
  try {
    log(`exporter: ${spans} spans as fast as possible, ${runs} runs per variant`);
    burst = await runScenario({
      name: 'fast',
      variants,
      runs,
      spans,
      pace: 'yield:1000',
      url: sink.url,
      sink,
      log,
    });
    log(`exporter: ${pacedSpans} spans at 5000 spans/s, ${runs} runs per variant`);
    paced = await runScenario({
      name: 'paced',
      variants,
      runs,
      spans: pacedSpans,
      pace: 'rate:5000',
      url: sink.url,
      sink,
      log,
    });
  } finally {
    await sink.close();
  }
  const port = await closedPort();
  const downRuns = quick ? 1 : 3;
  log(`exporter: ${downSpans} spans in one burst, sink refusing connections, ${downRuns} runs per variant`);
  const down = await runScenario({
    name: 'down',
    variants: variants.filter((v) => v !== 'floor' && v !== 'ours-gzip'),
    runs: downRuns,
    flushTimeoutMs: DOWN_FLUSH_WAIT_MS,
    spans: downSpans,
    pace: 'burst',
    url: `http://127.0.0.1:${port}`,
    log,
  });
  const oursStats = (down.ours ?? []).find((r) => !r.error)?.stats;
  return [
    '## Exporter',
    '',
    `### ${fmt(spans)} LLM-like spans as fast as possible`,
    '',
    `Spans created in a loop that yields (\`setImmediate\`) every 1000 spans, then \`forceFlush()\`; ` +
      `medians of ${runs} runs, each variant in its own process. CPU = whole process ` +
      '(`process.cpuUsage`, span creation and the final flush included) per span created; "of it processor" ' +
      '= minus the "span creation only" row; the ratio compares total CPU (processor-only CPU in brackets); ' +
      '"per span delivered" = the processor\'s CPU divided by the spans that reached the sink (what a ' +
      'processor that drops most of a burst really pays for what it sends); ' +
      'bytes/span = HTTP body bytes the sink received per span received; "silently lost" = spans that ' +
      'never arrived minus those the processor reported (diag "Dropped N spans" warnings, or `getStats()`).',
    '',
    throughputTable(burst, spans),
    '',
    `### ${fmt(pacedSpans)} spans paced at 5000 spans/s (steady state)`,
    '',
    'Same spans at a fixed rate meant to be sustainable (on a loaded machine the BatchSpanProcessor-based ' +
      'variants still drop some, shown), after a 2000-span warm-up that is not counted: the steady-state ' +
      'CPU cost per span (idle wake-ups make the "span creation only" floor higher than in the fast run).',
    '',
    throughputTable(paced, pacedSpans),
    '',
    `### Langfuse down: ${fmt(downSpans)} spans in one synchronous burst, connection refused`,
    '',
    'RSS growth = peak RSS (`process.resourceUsage().maxRSS`) minus RSS before the first span (target for ' +
      'ours: ≤ 64 MB). ' +
      'Peers report drops only through diag warnings (parsed); export failures only as diag errors.',
    '',
    downTable(down, downSpans),
    '',
    oursStats ? `Our \`getStats()\` after the down run: \`${JSON.stringify(oursStats)}\`` : '',
  ].join('\n');
}
