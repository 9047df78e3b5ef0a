package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.GroupNorm;
import io.restorevideo.nn.Layer;
import io.restorevideo.nn.Params;
import io.restorevideo.nn.Swish;

/** VQGAN's {@code ResBlock}: two GroupNorm-swish-conv steps plus the input (through a 1x1 conv_out when widths differ). */
final class ResBlock implements Layer {
  private final GroupNorm norm1;
  private final Conv conv1;
  private final GroupNorm norm2;
  private final Conv conv2;
  private final Conv convOut;

  private ResBlock(GroupNorm norm1, Conv conv1, GroupNorm norm2, Conv conv2, Conv convOut) {
    this.norm1 = norm1;
    this.conv1 = conv1;
    this.norm2 = norm2;
    this.conv2 = conv2;
    this.convOut = convOut;
  }

  static ResBlock load(Params p) {
    Conv conv1 = BiasedConv.load(p, "conv1", 1, 1);
    Conv conv2 = BiasedConv.load(p, "conv2", 1, 1);
    // As the official block: the 1x1 shortcut exists exactly when the widths differ (a missing one is reported).
    Conv convOut = conv1.inChannels() != conv2.outChannels() ? BiasedConv.load(p, "conv_out", 1, 0) : null;
    return new ResBlock(GroupNorm.vqgan(p, "norm1"), conv1, GroupNorm.vqgan(p, "norm2"), conv2, convOut);
  }

  long outChannels() {
    return conv2.outChannels();
  }

  @Override
  public NDArray forward(NDArray in) {
    // Each temporary is freed as soon as it is used, so the allocator hands the same warm buffers back.
    NDArray h = Swish.applyInPlace(norm1.forward(in));
    NDArray x = conv1.forward(h);
    h.close();
    h = Swish.applyInPlace(norm2.forward(x));
    x.close();
    x = conv2.forward(h);
    h.close();
    if (convOut == null) {
      return x.addi(in);
    }
    try (NDArray shortcut = convOut.forward(in)) {
      return x.addi(shortcut);
    }
  }
}
