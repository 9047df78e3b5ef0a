package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** {@code x * sigmoid(x)} (VQGAN's {@code swish}, also known as SiLU). */
public final class Swish {
  private Swish() {}

  public static NDArray apply(NDArray x) {
    return x.mul(Activation.sigmoid(x));
  }

  /**
   * {@code x * sigmoid(x)} written into {@code x}, whose old values the caller no longer needs (a norm's fresh
   * output): one temporary, freed at once, instead of two activation-sized results. Bit-identical to
   * {@link #apply}.
   */
  public static NDArray applyInPlace(NDArray x) {
    try (NDArray s = Activation.sigmoid(x)) {
      return x.muli(s);
    }
  }
}
