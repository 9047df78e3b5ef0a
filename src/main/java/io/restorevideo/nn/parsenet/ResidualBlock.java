package io.restorevideo.nn.parsenet;

import ai.djl.ndarray.NDArray;
import io.restorevideo.nn.Params;

/**
 * facelib's {@code ResidualBlock}: {@code conv1} (with activation) and {@code conv2} (without), the resampling
 * on conv2 for 'down' and on conv1 for 'up'; the identity path is a plain {@code shortcut_func} ConvLayer when
 * the checkpoint has one (the scale or width changes), else the input itself.
 */
final class ResidualBlock {
  private final ConvLayer shortcutFunc;
  private final ConvLayer conv1;
  private final ConvLayer conv2;

  ResidualBlock(Params p, ConvLayer.Scale scale) {
    if (scale != ConvLayer.Scale.NONE) {
      // a resampling block always has a shortcut conv: asking for it names the key if the file lacks it
      p.tensor("shortcut_func.conv2d.weight");
    }
    shortcutFunc = p.has("shortcut_func.conv2d.weight") ? new ConvLayer(p.sub("shortcut_func"), scale, false) : null;
    conv1 = new ConvLayer(p.sub("conv1"), scale == ConvLayer.Scale.UP ? scale : ConvLayer.Scale.NONE, true);
    conv2 = new ConvLayer(p.sub("conv2"), scale == ConvLayer.Scale.DOWN ? scale : ConvLayer.Scale.NONE, false);
  }

  NDArray forward(NDArray x) {
    NDArray identity = shortcutFunc == null ? x : shortcutFunc.forward(x);
    NDArray r1 = conv1.forward(x);
    NDArray res = conv2.forward(r1);
    r1.close();
    NDArray out = identity.add(res);
    res.close();
    if (identity != x) {
      identity.close();
    }
    return out;
  }
}
