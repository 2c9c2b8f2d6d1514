/**
 * A deterministic random source (mulberry32), so that a fault run can be replayed from its seed.
 *
 * @param seed - Any 32-bit integer; the same seed gives the same sequence.
 * @returns A function returning numbers in [0, 1), like `Math.random`.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
