package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Layer;
import io.restorevideo.nn.Params;
import io.restorevideo.nn.Resize;

/** VQGAN's {@code Upsample}: nearest 2x, then a 3x3 conv. */
final class Upsample implements Layer {
  private final Conv conv;

  private Upsample(Conv conv) {
    this.conv = conv;
  }

  static Upsample load(Params p) {
    return new Upsample(BiasedConv.load(p, "conv", 1, 1));
  }

  @Override
  public NDArray forward(NDArray x) {
    return conv.forward(Resize.nearest2x(x));
  }
}
