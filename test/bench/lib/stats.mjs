// Small statistics and formatting helpers shared by the benchmark suites.

/** Median of the finite numbers in `values` (NaN when there are none). */
export function median(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Minimum and maximum of the finite numbers in `values`. */
export function range(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  return xs.length ? [Math.min(...xs), Math.max(...xs)] : [Number.NaN, Number.NaN];
}

/** Formats a number with `digits` decimals, or an em dash when it is not finite. */
export function fmt(value, digits = 0) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `a / b` as `0.42×`, or an em dash. */
export function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  return `${(a / b).toFixed(2)}×`;
}

/** Signed number (`+12`, `−3`). */
export function signed(value, digits = 0) {
  if (!Number.isFinite(value)) return '—';
  const s = fmt(Math.abs(value), digits);
  return value < 0 ? `−${s}` : `+${s}`;
}

/** Renders rows (arrays of cells) under `headers` as a markdown table. */
export function markdownTable(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Variant order for run `run`: rotated by one each run, and reversed every other run, so that
 * no variant always runs first (cold disk cache) or right after the same neighbour.
 */
export function orderForRun(variants, run) {
  const k = run % variants.length;
  const rotated = [...variants.slice(k), ...variants.slice(0, k)];
  return run % 2 ? rotated.reverse() : rotated;
}
