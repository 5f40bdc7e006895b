/**
 * The `k` classes of highest probability, best first, ties to the lower class: one pass with
 * each new contender moved up a short list, rather than sorting the list again for each.
 */
export function topClasses(probabilities: Float32Array, k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  for (let c = 0; c < probabilities.length; c++) {
    const p = probabilities[c] as number;
    const full = top.length === k;
    if (full && p <= (probabilities[top[k - 1] as number] as number)) continue;
    let at = full ? k - 1 : top.length;
    while (at > 0 && p > (probabilities[top[at - 1] as number] as number)) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = c;
  }
  return top;
}
