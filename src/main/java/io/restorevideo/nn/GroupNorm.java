package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * PyTorch's {@code nn.GroupNorm(groups, channels, eps, affine=True)} on NCHW tensors, which DJL lacks. The
 * normalisation is DJL's fused layer norm over each group's (channels/groups * H * W) values, with unit
 * gamma and zero beta because DJL's layer norm needs them; the per-channel affine follows.
 */
public final class GroupNorm implements Layer {
  /** VQGAN's {@code normalize()}: 32 groups, eps 1e-6. */
  public static final int VQGAN_GROUPS = 32;
  public static final float VQGAN_EPS = 1e-6f;

  private final NDArray weight;
  private final NDArray bias;
  private final int groups;
  private final float eps;

  private GroupNorm(NDArray weight, NDArray bias, int groups, float eps) {
    this.weight = weight.reshape(1, -1, 1, 1);
    this.bias = bias.reshape(1, -1, 1, 1);
    this.groups = groups;
    this.eps = eps;
  }

  /** {@code name.weight} and {@code name.bias}, shape (C); C must be divisible by {@code groups}. */
  public static GroupNorm load(Params p, String name, int groups, float eps) {
    Params q = p.sub(name);
    long c = q.tensor("weight").dim(0);
    if (c % groups != 0) {
      throw new io.restorevideo.weights.WeightsException(p.dict().source() + ": '" + name + ".weight' has " + c
          + " channels, not divisible into " + groups + " groups");
    }
    return new GroupNorm(q.get("weight", c), q.get("bias", c), groups, eps);
  }

  /** VQGAN's GroupNorm (32 groups, eps 1e-6). */
  public static GroupNorm vqgan(Params p, String name) {
    return load(p, name, VQGAN_GROUPS, VQGAN_EPS);
  }

  public long channels() {
    return weight.getShape().get(1);
  }

  @Override
  public NDArray forward(NDArray x) {
    Shape s = x.getShape();
    long perGroup = s.get(1) / groups * s.get(2) * s.get(3);
    NDArray grouped = x.reshape(s.get(0), groups, perGroup);
    Shape normShape = new Shape(perGroup);
    NDArray ones = x.getManager().ones(normShape, x.getDataType());
    NDArray zeros = x.getManager().zeros(normShape, x.getDataType());
    NDArray normed = ai.djl.nn.norm.LayerNorm.layerNorm(grouped, normShape, ones, zeros, eps).singletonOrThrow();
    ones.close();
    zeros.close();
    // the affine in place on the fresh normalised tensor: same arithmetic, two activation-sized buffers fewer
    return normed.reshape(s).muli(weight).addi(bias);
  }
}
