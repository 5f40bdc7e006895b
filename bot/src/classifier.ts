import { candidateClasses, narrow } from './candidates.ts';
import type { SparseVector } from './features.ts';
import { seededRandom } from './random.ts';
import type { TrainingMemory } from './training-memory.ts';

/**
 * Softmax (multinomial logistic) regression over sparse features, trained by SGD with
 * Adagrad step sizes (rare n-grams keep learning fast while common ones settle). On
 * CLINC150 validation this scores within half a point of a fully converged L2-regularised
 * solver on the same features, in three passes over the data.
 * Weights are stored feature-major so scoring a query touches only the rows of its
 * features: about (features in the query) x (classes) multiply-adds.
 */
export interface SoftmaxModel {
  readonly classes: number;
  /** Feature-major, `features x classes`: plain data, so a model built in one thread serves in another. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  /** The rows' non-zero weights, when training found them a minority: what scoring reads. */
  readonly rows?: SparseRows;
  /** Writes class probabilities into `out` (length `classes`). */
  probabilities(x: SparseVector, out: Float32Array): void;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  /**
   * Classes whose gradient (probability minus target) is smaller than this are not updated
   * for that example: most of them sit near zero, and skipping them is what keeps training
   * to a few seconds on thousands of phrasings.
   */
  gradientFloor: number;
  /**
   * Classes an example is taught against besides its own in the first pass, at most
   * (`candidates.ts`). With `keepAbove`, 30 scored as well as 40 on validation (1,000 entries
   * of 10 CLINC150 phrasings: the right intent first for 90.45% of questions against 90.55%)
   * for a quarter less work in the first pass, the dearest.
   */
  candidates: number;
  /**
   * After each pass but the last, a candidate whose probability for an example is under this
   * is no longer taught against it (`narrow`): on 1,000 entries of 10 CLINC150 phrasings this
   * raised validation accuracy (89.55% to 90.55% with 40 candidates) and took most of the cost
   * of the later passes.
   */
  keepAbove: number;
  /** Features used by more classes than this do not choose candidates. */
  distinctive: number;
  /**
   * Up to this many classes every example is taught against every class. On CLINC150
   * (150 classes) candidates cost 0.6 points of validation accuracy; on 1,000 entries of
   * 10 phrasings each they cost none, and the full softmax would take seconds.
   */
  everyClassUpTo: number;
  seed: number;
}

/** Chosen on CLINC150 validation accuracy; more epochs did not help. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  epochs: 3,
  learningRate: 0.3,
  gradientFloor: 1e-2,
  candidates: 30,
  keepAbove: 0.003,
  distinctive: 50,
  everyClassUpTo: 200,
  seed: 1,
};

/** What every Adagrad sum starts from, so that the first step is not a division by zero. */
const ADAGRAD_START = 1e-6;

/** Softmax of the first `n` values of `z` (all of them by default), in place. */
function softmaxInPlace(z: Float32Array, n = z.length): void {
  let max = -Infinity;
  for (let c = 0; c < n; c++) if ((z[c] as number) > max) max = z[c] as number;
  let sum = 0;
  for (let c = 0; c < n; c++) {
    const e = Math.exp((z[c] as number) - max);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < n; c++) z[c] = (z[c] as number) / sum;
}

/** Softmax of the first `n` values of `z` with `rest` (sum of exp of the logits not listed) added to the denominator. */
function softmaxWithRest(z: Float32Array, n: number, rest: number): void {
  let max = 0;
  for (let c = 0; c < n; c++) if ((z[c] as number) > max) max = z[c] as number;
  let sum = rest * Math.exp(-max);
  for (let c = 0; c < n; c++) {
    const e = Math.exp((z[c] as number) - max);
    z[c] = e;
    sum += e;
  }
  for (let c = 0; c < n; c++) z[c] = (z[c] as number) / sum;
}

function logits(weights: Float32Array, bias: Float32Array, x: SparseVector, out: Float32Array): void {
  const classes = bias.length;
  out.set(bias);
  const { indices, values } = x;
  for (let i = 0; i < indices.length; i++) {
    const v = values[i] as number;
    const row = (indices[i] as number) * classes;
    for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + v * (weights[row + c] as number);
  }
}

/**
 * Where a training keeps its state: in `memory`, shared with the other trainings of a build.
 * With `weightsInMemory` the model's weights stay there too, valid only until the memory is
 * taken again: for a model used and dropped before the next training (a confidence fold).
 */
export interface TrainingPlace {
  readonly memory: TrainingMemory;
  readonly weightsInMemory: boolean;
}

export function trainSoftmax(
  xs: readonly SparseVector[],
  ys: Int32Array,
  classes: number,
  features: number,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  place?: TrainingPlace,
): SoftmaxModel {
  const candidates = candidateClasses(
    xs,
    ys,
    classes,
    features,
    options.candidates,
    options.distinctive,
    options.everyClassUpTo,
  );
  // Each weight beside its Adagrad sum, so that an update touches one cache line, not two;
  // freed when training ends, only the weights are kept. A sum starts at ADAGRAD_START: with
  // candidates (many classes) it is added when a step is taken rather than written into every
  // sum first, since writing it across the 67 MB of a 1,000-entry knowledge base cost about a
  // quarter of a second of CPU per training and touched pages no example updates; with every
  // class it is written first, as before, which keeps those models the same to the bit.
  const size = 2 * features * classes;
  const state = place ? place.memory.take(size) : new Float32Array(size);
  const added = candidates ? ADAGRAD_START : 0;
  if (!candidates) for (let w = 1; w < state.length; w += 2) state[w] = ADAGRAD_START;
  const bias = new Float32Array(classes);
  const biasAccumulated = new Float32Array(classes).fill(ADAGRAD_START);
  const rate = options.learningRate;
  const floor = options.gradientFloor;
  const every = Int32Array.from({ length: classes }, (_, c) => c);
  const p = new Float32Array(classes);
  const g = new Float32Array(classes);
  const activeClasses = new Int32Array(classes);
  const order = Int32Array.from(xs.keys());
  const random = seededRandom(options.seed);

  // With candidates, the classes not listed for an example still take their share of the
  // softmax's denominator, estimated from their biases (kept as exp(bias) and its sum).
  const expBias = new Float64Array(classes).fill(1);
  let expBiasSum: number;

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // The running sum drifts by rounding: start each pass from an exact one.
    expBiasSum = expBias.reduce((sum, e) => sum + e, 0);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (let o = 0; o < order.length; o++) {
      const k = order[o] as number;
      const x = xs[k] as SparseVector;
      const own = candidates ? candidates.classes : every;
      const from = candidates ? (candidates.offsets[k] as number) : 0;
      const n = candidates ? (candidates.counts[k] as number) : classes;
      logitsOf(state, bias, x, own, from, n, p);
      if (!candidates) softmaxInPlace(p, n);
      else {
        let rest = expBiasSum;
        for (let j = 0; j < n; j++) rest -= expBias[own[from + j] as number] as number;
        softmaxWithRest(p, n, Math.max(0, rest));
      }
      let active = 0;
      for (let j = 0; j < n; j++) {
        const c = own[from + j] as number;
        const gc = (p[j] as number) - (c === ys[k] ? 1 : 0);
        biasAccumulated[c] = (biasAccumulated[c] as number) + gc * gc;
        bias[c] = (bias[c] as number) - (rate * gc) / Math.sqrt(biasAccumulated[c]);
        if (candidates) {
          const e = Math.exp(bias[c]);
          expBiasSum += e - (expBias[c] as number);
          expBias[c] = e;
        }
        if (gc > floor || gc < -floor) {
          activeClasses[active] = c;
          g[active++] = gc;
        }
      }
      if (candidates && epoch + 1 < options.epochs) narrow(candidates, k, ys[k] as number, p, options.keepAbove);
      const { indices, values } = x;
      for (let a = 0; a < active; a++) {
        const c = 2 * (activeClasses[a] as number);
        const ga = g[a] as number;
        for (let i = 0; i < indices.length; i++) {
          const w = 2 * (indices[i] as number) * classes + c;
          const gradient = ga * (values[i] as number);
          const sum = (state[w + 1] as number) + gradient * gradient;
          state[w + 1] = sum;
          state[w] = (state[w] as number) - (rate * gradient) / Math.sqrt(Math.fround(sum) + added);
        }
      }
    }
  }
  // In place, the weights move down to the first half: each is read from at or after where it goes.
  const weights = place?.weightsInMemory ? state.subarray(0, size / 2) : new Float32Array(size / 2);
  // Each row's non-zero weights counted as it is copied, so that the rows are not read again to find them.
  const nonZeroIn = new Int32Array(features);
  let nonZero = 0;
  for (let f = 0; f < features; f++) {
    const row = f * classes;
    let n = 0;
    for (let w = row; w < row + classes; w++) {
      const v = state[2 * w] as number;
      weights[w] = v;
      if (v !== 0) n++;
    }
    nonZeroIn[f] = n;
    nonZero += n;
  }
  return softmaxModel(weights, bias, sparseRows(weights, nonZeroIn, nonZero, classes));
}

/**
 * The non-zero weights of each feature row, when they are a minority: a class is only ever
 * updated for the features of examples it was taught against, so with many classes most of
 * a row stays zero, and scoring the rows' non-zero weights alone gives the same sums for a
 * fraction of the work (the confidence fit scores thousands of phrasings). A row that is
 * mostly non-zero all the same (common words and n-grams, taught against nearly every class:
 * three quarters of the scoring work on 1,000 entries) is read whole from the dense weights
 * instead, one after the other, which costs less than looking up each class.
 */
export interface SparseRows {
  /** Row f is `[offsets[f], offsets[f + 1])` of `classes` and `weights`; empty when dense. */
  readonly offsets: Int32Array;
  readonly classes: Int32Array;
  readonly weights: Float32Array;
  /** 1 for the rows scored from the dense weights. */
  readonly dense: Uint8Array;
}

/** `nonZeroIn[f]`: how many weights of row f are not zero; `nonZero`, their sum. */
function sparseRows(
  weights: Float32Array,
  nonZeroIn: Int32Array,
  nonZero: number,
  classes: number,
): SparseRows | undefined {
  if (nonZero * 2 > weights.length) return undefined;
  const features = nonZeroIn.length;
  const dense = new Uint8Array(features);
  let stored = 0;
  for (let f = 0; f < features; f++) {
    const n = nonZeroIn[f] as number;
    if (n * 2 > classes) dense[f] = 1;
    else stored += n;
  }
  const offsets = new Int32Array(features + 1);
  const rowClasses = new Int32Array(stored);
  const rowWeights = new Float32Array(stored);
  let k = 0;
  for (let f = 0; f < features; f++) {
    const row = f * classes;
    if (dense[f] === 0) {
      for (let c = 0; c < classes; c++) {
        const w = weights[row + c] as number;
        if (w === 0) continue;
        rowClasses[k] = c;
        rowWeights[k++] = w;
      }
    }
    offsets[f + 1] = k;
  }
  return { offsets, classes: rowClasses, weights: rowWeights, dense };
}

/**
 * The same sums as `logits`, in the same order: a zero weight adds nothing to a class's sum,
 * so leaving it out changes no logit.
 */
function sparseLogits(
  rows: SparseRows,
  weights: Float32Array,
  bias: Float32Array,
  x: SparseVector,
  out: Float32Array,
): void {
  const classes = bias.length;
  out.set(bias);
  const { indices, values } = x;
  for (let i = 0; i < indices.length; i++) {
    const v = values[i] as number;
    const f = indices[i] as number;
    if (rows.dense[f] === 1) {
      const row = f * classes;
      for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + v * (weights[row + c] as number);
      continue;
    }
    const to = rows.offsets[f + 1] as number;
    for (let j = rows.offsets[f] as number; j < to; j++) {
      const c = rows.classes[j] as number;
      out[c] = (out[c] as number) + v * (rows.weights[j] as number);
    }
  }
}

/**
 * Logits of the classes `own[from .. from + n - 1]` (ascending) into `out[0 .. n - 1]`, from
 * `state` (weights at even places); every class when `n` is the number of classes.
 */
function logitsOf(
  state: Float32Array,
  bias: Float32Array,
  x: SparseVector,
  own: Int32Array,
  from: number,
  n: number,
  out: Float32Array,
): void {
  const classes = bias.length;
  const { indices, values } = x;
  if (n === classes) {
    out.set(bias);
    for (let i = 0; i < indices.length; i++) {
      const v = values[i] as number;
      const row = 2 * (indices[i] as number) * classes;
      for (let c = 0; c < classes; c++) out[c] = (out[c] as number) + v * (state[row + 2 * c] as number);
    }
    return;
  }
  // Class by class, the sum held in a local and rounded to single precision at every step as
  // the Float32Array would round it: the same logits to the bit, without a store per term. Four
  // classes at a time: each sum waits on its own rounding, and four independent sums keep the
  // processor busy while one waits (about a fifth less time for the training passes).
  const length = indices.length;
  let j = 0;
  for (; j + 4 <= n; j += 4) {
    const a = own[from + j] as number;
    const b = own[from + j + 1] as number;
    const c = own[from + j + 2] as number;
    const d = own[from + j + 3] as number;
    let za = bias[a] as number;
    let zb = bias[b] as number;
    let zc = bias[c] as number;
    let zd = bias[d] as number;
    for (let i = 0; i < length; i++) {
      const v = values[i] as number;
      const row = 2 * (indices[i] as number) * classes;
      za = Math.fround(za + v * (state[row + 2 * a] as number));
      zb = Math.fround(zb + v * (state[row + 2 * b] as number));
      zc = Math.fround(zc + v * (state[row + 2 * c] as number));
      zd = Math.fround(zd + v * (state[row + 2 * d] as number));
    }
    out[j] = za;
    out[j + 1] = zb;
    out[j + 2] = zc;
    out[j + 3] = zd;
  }
  for (; j < n; j++) {
    const c = 2 * (own[from + j] as number);
    let z = bias[own[from + j] as number] as number;
    for (let i = 0; i < length; i++)
      z = Math.fround(z + (values[i] as number) * (state[2 * (indices[i] as number) * classes + c] as number));
    out[j] = z;
  }
}

/** `rows`, when given, must hold exactly the non-zero `weights`: it only makes scoring cheaper. */
export function softmaxModel(weights: Float32Array, bias: Float32Array, rows?: SparseRows): SoftmaxModel {
  return {
    classes: bias.length,
    weights,
    bias,
    ...(rows ? { rows } : {}),
    probabilities(x, out) {
      if (rows) sparseLogits(rows, weights, bias, x, out);
      else logits(weights, bias, x, out);
      softmaxInPlace(out);
    },
  };
}
