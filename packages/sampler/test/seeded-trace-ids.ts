// Deterministic pseudo-random trace ids (mulberry32), so the statistical tests cannot flake.
export function seededTraceIds(seed: number, count: number): string[] {
  let state = seed >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    let id = '';
    for (let w = 0; w < 4; w++) id += next32().toString(16).padStart(8, '0');
    ids.push(id);
  }
  return ids;
}
