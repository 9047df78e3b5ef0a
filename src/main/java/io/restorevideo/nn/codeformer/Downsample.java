package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Layer;
import io.restorevideo.nn.Params;

/** VQGAN's {@code Downsample}: zero pad right and bottom by one (pad (0,1,0,1)), then a stride-2 3x3 conv without padding. */
final class Downsample implements Layer {
  private final Conv conv;

  private Downsample(Conv conv) {
    this.conv = conv;
  }

  static Downsample load(Params p) {
    return new Downsample(BiasedConv.load(p, "conv", 2, 0));
  }

  @Override
  public NDArray forward(NDArray x) {
    // F.pad order: (left, right, top, bottom) of the last two axes.
    return conv.forward(x.pad(new Shape(0, 1, 0, 1), 0));
  }
}
