// Training (deep): kernels the tfjs wasm backend lacks but training needs. tfjs-backend-wasm 4.22
// ships forward kernels only for some ops: the Embedding layer's gradient (gather's gradient) calls
// UnsortedSegmentSum, and a Conv1D/Conv2D gradient calls Conv2DBackpropFilter. The wasm module
// exposes no primitive for either, so these kernels read the inputs out of the wasm heap and compute
// in JavaScript; both are linear passes, small next to the matrix products of an LSTM step.
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { ValidationError } from '../../shared/domain/errors';

/** The subset of tfjs-backend-wasm's BackendWasm these kernels use. */
interface WasmBackendLike {
  readSync(dataId: unknown): ArrayLike<number>;
  makeOutput(shape: number[], dtype: tf.DataType, offset?: number, values?: unknown): TensorInfo;
}

/** The cpu backend's equivalent of makeOutput. */
interface CpuBackendLike {
  readSync(dataId: unknown): ArrayLike<number>;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values?: unknown): TensorInfo;
}

function product(values: readonly number[]): number {
  return values.reduce((a, b) => a * b, 1);
}

/**
 * UnsortedSegmentSum with TensorFlow semantics (tf.raw_ops.UnsortedSegmentSum, TF 2.x docs):
 * `segmentIds` has a shape that is a prefix of `x`'s shape (any rank); the output has shape
 * `[numSegments, ...x.shape.slice(segmentIds.rank)]`; `output[i]` sums the slices of `x` whose id
 * is `i` and is 0 when none; a negative id drops its slice; an id >= numSegments is an error, as on
 * TensorFlow's CPU kernel.
 */
export function unsortedSegmentSumValues(
  x: ArrayLike<number>,
  xShape: readonly number[],
  ids: ArrayLike<number>,
  idsShape: readonly number[],
  numSegments: number,
): { values: Float32Array; shape: number[] } {
  if (!Number.isInteger(numSegments) || numSegments < 0)
    throw new ValidationError(`numSegments: expected a whole number >= 0, got ${numSegments}`);
  if (idsShape.length > xShape.length || idsShape.some((d, i) => d !== xShape[i]))
    throw new ValidationError(
      `segmentIds: shape [${idsShape.join(',')}] is not a prefix of data shape [${xShape.join(',')}]`,
      'segmentIds',
    );
  const sliceShape = xShape.slice(idsShape.length);
  const inner = product(sliceShape);
  const values = new Float32Array(numSegments * inner);
  for (let i = 0; i < ids.length; i += 1) {
    const segment = ids[i] as number;
    if (segment < 0) continue;
    if (segment >= numSegments)
      throw new ValidationError(
        `segmentIds[${i}] = ${segment} is out of range [0, ${numSegments})`,
        'segmentIds',
      );
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j += 1)
      values[to + j] = (values[to + j] as number) + (x[from + j] as number);
  }
  return { values, shape: [numSegments, ...sliceShape] };
}

const unsortedSegmentSum: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as unknown as WasmBackendLike & Partial<CpuBackendLike>;
  const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
  const { numSegments } = attrs as unknown as tf.UnsortedSegmentSumAttrs;
  const { values, shape } = unsortedSegmentSumValues(
    wasm.readSync(x.dataId),
    x.shape,
    wasm.readSync(segmentIds.dataId),
    segmentIds.shape,
    numSegments,
  );
  const out = x.dtype === 'int32' ? Int32Array.from(values) : values;
  // The cpu backend also has a makeOutput, with another signature; makeTensorInfo is cpu-only.
  if (typeof wasm.makeTensorInfo === 'function') return wasm.makeTensorInfo(shape, x.dtype, out);
  return wasm.makeOutput(shape, x.dtype, undefined, out);
};

/**
 * Filter gradient of a 2-D convolution, channels-last (NHWC) only: for filter tap (r, c) and
 * channels (i, o), dW[r,c,i,o] = sum over batch b and output cell (y, z) of
 * x[b, y*sh + r - padTop, z*sw + c - padLeft, i] * dy[b, y, z, o], out-of-image taps being zero.
 */
const conv2DBackpropFilter: KernelFunc = ({ inputs, backend, attrs }) => {
  const wasm = backend as unknown as WasmBackendLike;
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (dataFormat !== 'NHWC')
    throw new ValidationError('dataFormat: only NHWC is supported on wasm', 'dataFormat');
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const xv = wasm.readSync(x.dataId);
  const dyv = wasm.readSync(dy.dataId);
  const { inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  const dw = new Float32Array(product(filterShape));
  for (let b = 0; b < info.batchSize; b += 1)
    for (let y = 0; y < outHeight; y += 1)
      for (let z = 0; z < outWidth; z += 1) {
        const dyBase = ((b * outHeight + y) * outWidth + z) * outChannels;
        for (let r = 0; r < filterHeight; r += 1) {
          const xr = y * strideHeight + r - padInfo.top;
          if (xr < 0 || xr >= inHeight) continue;
          for (let c = 0; c < filterWidth; c += 1) {
            const xc = z * strideWidth + c - padInfo.left;
            if (xc < 0 || xc >= inWidth) continue;
            const xBase = ((b * inHeight + xr) * inWidth + xc) * inChannels;
            const wBase = (r * filterWidth + c) * inChannels * outChannels;
            for (let i = 0; i < inChannels; i += 1) {
              const xi = xv[xBase + i] as number;
              const w = wBase + i * outChannels;
              for (let o = 0; o < outChannels; o += 1)
                dw[w + o] = (dw[w + o] as number) + xi * (dyv[dyBase + o] as number);
            }
          }
        }
      }
  return wasm.makeOutput([...filterShape], x.dtype, undefined, dw);
};

/** The training kernels this module adds to the 'wasm' backend. */
export const wasmTrainingKernels: readonly KernelConfig[] = [
  { kernelName: 'UnsortedSegmentSum', backendName: 'wasm', kernelFunc: unsortedSegmentSum },
  { kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilter },
];

/**
 * Register the missing training kernels on the wasm backend; idempotent, and a kernel the wasm
 * backend already has (a later tfjs release) is left alone. Returns the names registered now.
 */
export function registerWasmTrainingKernels(): string[] {
  const added: string[] = [];
  for (const config of wasmTrainingKernels) {
    if (tf.getKernel(config.kernelName, 'wasm')) continue;
    tf.registerKernel(config);
    added.push(config.kernelName);
  }
  return added;
}

/**
 * Replace the cpu backend's UnsortedSegmentSum with this linear one. tfjs-backend-cpu 4.22 builds
 * it from one equal/multiply/sum pass per segment, O(segments x data): an Embedding of 10,000
 * rows then costs minutes per batch. For benchmarks that compare backends on equal kernels.
 */
export function useLinearSegmentSumOnCpu(): void {
  if (tf.getKernel('UnsortedSegmentSum', 'cpu')) tf.unregisterKernel('UnsortedSegmentSum', 'cpu');
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'cpu',
    kernelFunc: unsortedSegmentSum,
  });
}
