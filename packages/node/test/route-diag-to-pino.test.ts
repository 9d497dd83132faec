import { Writable } from 'node:stream';
import { DiagLogLevel, diag } from '@opentelemetry/api';
import { routeDiagToPino } from '@spanfuse/node';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), lines };
}

describe('routeDiagToPino', () => {
  afterEach(() => diag.disable());

  it('writes diag messages as pino lines at the matching level, from the chosen level up', () => {
    const { logger, lines } = capture();
    routeDiagToPino(logger, DiagLogLevel.INFO);
    diag.createComponentLogger({ namespace: '@spanfuse/test' }).warn('queue full', 3);
    diag.error('boom', new Error('export failed'));
    diag.debug('not forwarded at info');
    expect(lines).toMatchObject([
      { level: 40, msg: '@spanfuse/test queue full', otel_diag_args: [3] },
      { level: 50, msg: 'boom', otel_diag_args: [{ name: 'Error', message: 'export failed' }] },
    ]);
  });

  it('never throws when the logger does', () => {
    routeDiagToPino({
      error: () => {
        throw new Error('broken');
      },
      warn: () => {},
      info: () => {},
      debug: () => {},
      trace: () => {},
    });
    expect(() => diag.error('x')).not.toThrow();
  });
});
