package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.BatchNorm;

/**
 * PyTorch's {@code nn.BatchNorm2d} in eval mode: the running statistics of the checkpoint, never batch
 * statistics. It calls torch's own batch_norm kernel, so the result matches the official code bit for bit
 * in the order of operations. {@code num_batches_tracked} only matters for training and is skipped.
 */
public final class BatchNorm2d {
  /** PyTorch's default; every BatchNorm of the official networks keeps it. */
  public static final float EPS = 1e-5f;

  private final NDArray weight;
  private final NDArray bias;
  private final NDArray runningMean;
  private final NDArray runningVar;

  private BatchNorm2d(NDArray weight, NDArray bias, NDArray runningMean, NDArray runningVar) {
    this.weight = weight;
    this.bias = bias;
    this.runningMean = runningMean;
    this.runningVar = runningVar;
  }

  /** {@code name.weight}, {@code .bias}, {@code .running_mean}, {@code .running_var}, all of one length. */
  public static BatchNorm2d load(Params p, String name) {
    Params q = p.sub(name);
    long c = q.tensor("weight").dim(0);
    BatchNorm2d bn = new BatchNorm2d(q.get("weight", c), q.get("bias", c), q.get("running_mean", c),
        q.get("running_var", c));
    q.skip("num_batches_tracked");
    return bn;
  }

  public long channels() {
    return weight.getShape().get(0);
  }

  /** Normalises NCHW input over its channel axis. */
  public NDArray forward(NDArray x) {
    return BatchNorm.batchNorm(x, runningMean, runningVar, weight, bias, 1, 0.1f, EPS, false).singletonOrThrow();
  }
}
