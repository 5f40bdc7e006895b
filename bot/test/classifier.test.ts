import { describe, expect, it } from 'vitest';
import { candidateClasses, narrow } from '../src/candidates.ts';
import { DEFAULT_TRAIN_OPTIONS, softmaxModel, trainSoftmax } from '../src/classifier.ts';
import { buildFeatureSpace } from '../src/features.ts';
import { normalize } from '../src/normalize.ts';
import { seededRandom } from '../src/random.ts';
import { terms } from '../src/tokens.ts';
import { trainingMemory } from '../src/training-memory.ts';

/** `classes` topics of three made-up words each, `perClass` phrasings per topic mixing them with common words. */
function topics(classes: number, perClass: number) {
  const random = seededRandom(5);
  const word = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  const own = Array.from({ length: classes }, () => [word(), word(), word()]);
  const common = ['how', 'do', 'i', 'my', 'the', 'please', 'can', 'you'];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const texts: string[] = [];
  const labels: number[] = [];
  for (let c = 0; c < classes; c++) {
    for (let k = 0; k < perClass; k++) {
      texts.push([pick(common), pick(own[c]!), pick(common), pick(own[c]!), pick(common)].join(' '));
      labels.push(c);
    }
  }
  return { texts, labels: Int32Array.from(labels), own };
}

function build(classes: number, perClass: number) {
  const { texts, labels, own } = topics(classes, perClass);
  const { space, vectors } = buildFeatureSpace(texts.map((t) => terms(normalize(t))));
  return { space, vectors, labels, own };
}

describe('candidate classes', () => {
  it('are every class up to the limit, so small knowledge bases train a plain softmax', () => {
    const { space, vectors, labels } = build(30, 4);
    expect(candidateClasses(vectors, labels, 30, space.size, 10, 5, 200)).toBeNull();
    expect(candidateClasses(vectors, labels, 30, space.size, 40, 5, 0)).toBeNull();
  });

  it("hold the example's own class and at most `max` others, ascending, the same on every run", () => {
    const { space, vectors, labels } = build(300, 3);
    const first = candidateClasses(vectors, labels, 300, space.size, 10, 5, 0)!;
    const again = candidateClasses(vectors, labels, 300, space.size, 10, 5, 0)!;
    expect(again).toEqual(first);
    vectors.forEach((_, k) => {
      const list = Array.from(first.classes.subarray(first.offsets[k], first.offsets[k + 1]));
      expect(list).toContain(labels[k]);
      expect(list.length).toBeLessThanOrEqual(11);
      expect(list).toEqual([...list].sort((a, b) => a - b));
      expect(new Set(list).size).toBe(list.length);
    });
  });
});

describe('candidate classes, against scoring every class', () => {
  it('are the `max` classes sharing the most distinctive weight with the example, ties to the lower class', () => {
    const { space, vectors, labels } = build(300, 3);
    const [max, distinctive] = [10, 5];
    const chosen = candidateClasses(vectors, labels, 300, space.size, max, distinctive, 0)!;
    let full = 0;
    const classesOf = new Map<number, Set<number>>();
    vectors.forEach((x, k) =>
      x.indices.forEach((f) => classesOf.set(f, (classesOf.get(f) ?? new Set()).add(labels[k]!))),
    );
    vectors.forEach((x, k) => {
      const score = new Float64Array(300);
      x.indices.forEach((f, i) => {
        const users = classesOf.get(f)!;
        if (users.size > distinctive) return;
        for (const c of users) if (c !== labels[k]) score[c]! += x.values[i]! * Math.log(300 / users.size);
      });
      const ranked = Array.from(score.keys())
        .filter((c) => score[c]! > 0)
        .sort((a, b) => score[b]! - score[a]! || a - b);
      const expected = [...ranked.slice(0, max), labels[k]!].sort((a, b) => a - b);
      expect(Array.from(chosen.classes.subarray(chosen.offsets[k], chosen.offsets[k + 1]))).toEqual(expected);
      if (ranked.length > max) full++;
    });
    // Most examples have more classes to choose from than are kept.
    expect(full).toBeGreaterThan(vectors.length / 2);
  });
});

describe('narrowing candidates', () => {
  it("keeps the example's own class and the classes still likely, in their order", () => {
    const candidates = {
      offsets: Int32Array.of(0, 4, 7),
      counts: Int32Array.of(4, 3),
      classes: Int32Array.of(1, 3, 5, 8, 2, 4, 6),
    };
    narrow(candidates, 0, 3, Float32Array.of(0.2, 0.0001, 0.05, 0.002), 0.003);
    expect(candidates.counts[0]).toBe(3);
    expect(Array.from(candidates.classes.subarray(0, 3))).toEqual([1, 3, 5]);
    expect(Array.from(candidates.classes.subarray(4, 7))).toEqual([2, 4, 6]);
    narrow(candidates, 1, 4, Float32Array.of(0.001, 0.0001, 0.0001), 0.003);
    expect(candidates.counts[1]).toBe(1);
    expect(candidates.classes[4]).toBe(4);
  });
});

describe('softmax training with candidates', () => {
  it('learns 300 classes with a few phrasings each, the same model on every run', () => {
    const { space, vectors, labels, own } = build(300, 3);
    const options = { ...DEFAULT_TRAIN_OPTIONS, everyClassUpTo: 0 };
    const model = trainSoftmax(vectors, labels, 300, space.size, options);
    const again = trainSoftmax(vectors, labels, 300, space.size, options);
    // Byte for byte: a deep equality over a million floats would take minutes.
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(model.weights.buffer))).toBe(true);
    const p = new Float32Array(300);
    let right = 0;
    own.forEach((words, c) => {
      model.probabilities(space.vector(terms(normalize(`tell me about ${words[0]} ${words[2]}`))), p);
      if (p.indexOf(Math.max(...p)) === c) right++;
    });
    expect(right / 300).toBeGreaterThan(0.95);
  });

  it('scores with the non-zero weights alone exactly as with the dense matrix', () => {
    const { space, vectors, labels } = build(300, 3);
    const trained = trainSoftmax(vectors, labels, 300, space.size, { ...DEFAULT_TRAIN_OPTIONS, everyClassUpTo: 0 });
    const dense = softmaxModel(trained.weights, trained.bias);
    const [a, b] = [new Float32Array(300), new Float32Array(300)];
    for (const x of vectors.slice(0, 50)) {
      trained.probabilities(x, a);
      dense.probabilities(x, b);
      expect(a).toEqual(b);
    }
  });

  it('trains the same model in shared memory, with its weights left there or copied out', () => {
    const { space, vectors, labels } = build(300, 3);
    const options = { ...DEFAULT_TRAIN_OPTIONS, everyClassUpTo: 0 };
    const fresh = trainSoftmax(vectors, labels, 300, space.size, options);
    const memory = trainingMemory();
    const copied = trainSoftmax(vectors, labels, 300, space.size, options, { memory, weightsInMemory: false });
    const kept = trainSoftmax(vectors, labels, 300, space.size, options, { memory, weightsInMemory: true });
    const bytes = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(bytes(copied.weights).equals(bytes(fresh.weights))).toBe(true);
    expect(bytes(kept.weights).equals(bytes(fresh.weights))).toBe(true);
    const again = trainSoftmax(vectors, labels, 300, space.size, options, { memory, weightsInMemory: true });
    expect(bytes(again.weights).equals(bytes(fresh.weights))).toBe(true);
  });
});
