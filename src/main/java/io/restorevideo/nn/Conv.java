package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * A 2-D convolution with its weight (and optional bias) taken from a checkpoint, as PyTorch's
 * {@code nn.Conv2d(in, out, k, stride, padding, groups=g)} in eval mode. Channels and kernel size come from
 * the weight's shape {@code (out, in/groups, kh, kw)}, so the same block serves the official and the tiny
 * networks. Zero padding only; networks that reflect-pad do it before calling {@link #forward}.
 */
public final class Conv {
  private final NDArray weight;
  private final NDArray bias;
  private final Shape stride;
  private final Shape padding;
  private final Shape dilation;
  private final int groups;

  private Conv(NDArray weight, NDArray bias, int stride, int padding, int groups) {
    this(weight, bias, new Shape(stride, stride), new Shape(padding, padding), groups);
  }

  private Conv(NDArray weight, NDArray bias, Shape stride, Shape padding, int groups) {
    this.weight = weight;
    this.bias = bias;
    this.stride = stride;
    this.padding = padding;
    this.dilation = new Shape(1, 1);
    this.groups = groups;
  }

  /** {@code name.weight} and, when the checkpoint has it, {@code name.bias}. */
  public static Conv load(Params p, String name, int stride, int padding) {
    return load(p, name, stride, padding, 1);
  }

  public static Conv load(Params p, String name, int stride, int padding, int groups) {
    Params q = p.sub(name);
    long[] ws = q.tensor("weight").shape();
    if (ws.length != 4) {
      throw new io.restorevideo.weights.WeightsException(p.dict().source() + ": '" + name
          + ".weight' is not a 4-D convolution weight: " + java.util.Arrays.toString(ws));
    }
    NDArray w = q.get("weight", ws);
    NDArray b = q.has("bias") ? q.get("bias", ws[0]) : null;
    return new Conv(w, b, stride, padding, groups);
  }

  /** A "same" convolution: stride 1, padding k/2 (the usual 3x3/pad 1 and 1x1/pad 0 blocks). */
  public static Conv same(Params p, String name) {
    long k = p.sub(name).tensor("weight").dim(2);
    return load(p, name, 1, (int) (k / 2));
  }

  /**
   * The same convolution with its weight and bias cast to {@code type} (fp16 inference on GPU); the new
   * arrays live in the weight's manager.
   */
  public Conv toType(DataType type) {
    NDArray w = weight.toType(type, false);
    NDArray b = bias == null ? null : bias.toType(type, false);
    return new Conv(w, b, stride, padding, groups);
  }

  public long outChannels() {
    return weight.getShape().get(0);
  }

  public long inChannels() {
    return weight.getShape().get(1) * groups;
  }

  public NDArray forward(NDArray x) {
    if (bias == null) {
      return Conv2d.conv2d(x, weight, null, stride, padding, dilation, groups).singletonOrThrow();
    }
    return Conv2d.conv2d(x, weight, bias, stride, padding, dilation, groups).singletonOrThrow();
  }
}
