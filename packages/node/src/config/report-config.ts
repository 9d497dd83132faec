import { logger } from '../diag/logger.js';
import type { ParsedConfig } from './types.js';

const reported = new Set<string>();

/** Writes each problem and notice once per process (several entry points may parse the env). */
export function reportConfig(parsed: ParsedConfig): void {
  for (const line of [...parsed.problems, ...parsed.notices]) {
    if (reported.has(line)) continue;
    reported.add(line);
    logger.warn(line);
  }
}
