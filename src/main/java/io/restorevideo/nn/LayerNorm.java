package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** PyTorch's {@code nn.LayerNorm(dim, eps)} over the last axis, with weight and bias from the checkpoint. */
public final class LayerNorm implements Layer {
  /** PyTorch's default eps for {@code nn.LayerNorm}. */
  public static final float TORCH_EPS = 1e-5f;

  private final NDArray weight;
  private final NDArray bias;
  private final float eps;

  private LayerNorm(NDArray weight, NDArray bias, float eps) {
    this.weight = weight;
    this.bias = bias;
    this.eps = eps;
  }

  public static LayerNorm load(Params p, String name, float eps) {
    Params q = p.sub(name);
    long d = q.tensor("weight").dim(0);
    return new LayerNorm(q.get("weight", d), q.get("bias", d), eps);
  }

  public static LayerNorm load(Params p, String name) {
    return load(p, name, TORCH_EPS);
  }

  @Override
  public NDArray forward(NDArray x) {
    return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(weight.getShape().get(0)), weight, bias, eps)
        .singletonOrThrow();
  }
}
