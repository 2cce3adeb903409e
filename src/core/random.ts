// Seeded pseudo-random numbers, so that generated networks, demo incidents, benchmarks and property
// tests come out the same on every machine, and a failure can be replayed from its seed.

/** mulberry32: a tiny, fast 32-bit generator of floats in [0, 1); one sequence per seed, everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
