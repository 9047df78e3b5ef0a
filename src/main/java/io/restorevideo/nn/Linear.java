package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;

/** PyTorch's {@code nn.Linear}: {@code x @ weight.T + bias} over the last axis; the bias is optional. */
public final class Linear implements Layer {
  private final NDArray weight;
  private final NDArray bias;

  private Linear(NDArray weight, NDArray bias) {
    this.weight = weight;
    this.bias = bias;
  }

  /** {@code name.weight} (out, in) and {@code name.bias} (out) when the checkpoint has it. */
  public static Linear load(Params p, String name) {
    Params q = p.sub(name);
    long[] ws = q.tensor("weight").shape();
    if (ws.length != 2) {
      throw new io.restorevideo.weights.WeightsException(p.dict().source() + ": '" + name
          + ".weight' is not a 2-D linear weight: " + java.util.Arrays.toString(ws));
    }
    NDArray w = q.get("weight", ws);
    NDArray b = q.has("bias") ? q.get("bias", ws[0]) : null;
    return new Linear(w, b);
  }

  /** Wraps weights already in memory (e.g. slices of a packed projection). */
  public static Linear of(NDArray weight, NDArray bias) {
    return new Linear(weight, bias);
  }

  public long inFeatures() {
    return weight.getShape().get(1);
  }

  public long outFeatures() {
    return weight.getShape().get(0);
  }

  @Override
  public NDArray forward(NDArray x) {
    if (bias == null) {
      return ai.djl.nn.core.Linear.linear(x, weight).singletonOrThrow();
    }
    return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
  }
}
