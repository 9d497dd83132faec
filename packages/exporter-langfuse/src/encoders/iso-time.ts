import type { HrTime } from '@opentelemetry/api';

/**
 * `[seconds, nanos]` → ISO 8601 with microseconds (`2026-11-25T04:30:00.123456Z`). The ingestion
 * API wants "milliseconds (required), microseconds (optimal)" (OpenAPI `BaseEvent.timestamp`).
 */
export function hrTimeToIso(time: HrTime): string {
  const [seconds, nanos] = time;
  const iso = new Date(seconds * 1000).toISOString(); // …T04:30:00.000Z
  const micros = Math.floor(nanos / 1000)
    .toString()
    .padStart(6, '0');
  return `${iso.slice(0, 19)}.${micros}Z`;
}
