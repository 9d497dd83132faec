import type { LangfuseObservation } from '../model/observation.js';

/**
 * Rough encoded size of an observation: its big strings plus a fixed overhead for ids, times
 * and attribute names. Used to cut batches by bytes and to size the encode buffer at once
 * (growing it costs copies and page faults on fresh memory).
 */
export function estimateBytes(o: LangfuseObservation): number {
  let n = 400 + o.name.length;
  if (o.input) n += o.input.length;
  if (o.output) n += o.output.length;
  for (const key in o.metadata) n += key.length + o.metadata[key].length + 40;
  const t = o.trace;
  if (t.input && t.input !== o.input) n += t.input.length;
  if (t.output && t.output !== o.output) n += t.output.length;
  if (t.metadata) for (const key in t.metadata) n += key.length + t.metadata[key].length + 30;
  return n;
}
