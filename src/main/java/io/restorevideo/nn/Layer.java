package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/** One step of a network that maps a tensor to a tensor (a conv, a norm, a residual block). */
@FunctionalInterface
public interface Layer {
  NDArray forward(NDArray x);

  /**
   * Runs {@code layer} so that every temporary it creates is freed as soon as it returns, keeping only the
   * result: the peak memory of a deep network is then a few activations, not all of them.
   */
  static NDArray scoped(Layer layer, NDArray x) {
    try (NDScope scope = new NDScope()) {
      NDArray y = layer.forward(x);
      NDScope.unregister(y);
      return y;
    }
  }
}
