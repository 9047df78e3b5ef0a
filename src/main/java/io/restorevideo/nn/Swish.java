package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** {@code x * sigmoid(x)} (VQGAN's {@code swish}, also known as SiLU). */
public final class Swish {
  private Swish() {}

  public static NDArray apply(NDArray x) {
    return x.mul(Activation.sigmoid(x));
  }
}
