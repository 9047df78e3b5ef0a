package io.restorevideo.nn.parsenet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.restorevideo.nn.BatchNorm2d;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;
import io.restorevideo.nn.ReflectionPad;
import io.restorevideo.nn.Resize;

/**
 * facelib's {@code ConvLayer}: optional nearest 2x upsampling ('up'), ReflectionPad(1), a 3x3 conv (stride 2
 * for 'down'), then BatchNorm ({@code norm.norm.*}, present in the checkpoint when the layer has one) and
 * LeakyReLU(0.2) when the layer was built with an activation, which the keys do not tell and the caller does.
 */
final class ConvLayer {
  /** {@code ReluLayer('LeakyReLU')}. */
  private static final float LEAKY = 0.2f;

  enum Scale {
    NONE,
    DOWN,
    UP
  }

  private final Scale scale;
  private final Conv conv2d;
  private final BatchNorm2d norm;
  private final boolean activation;

  ConvLayer(Params p, Scale scale, boolean activation) {
    this.scale = scale;
    this.conv2d = Conv.load(p, "conv2d", scale == Scale.DOWN ? 2 : 1, 0);
    this.norm = p.has("norm.norm.weight") ? BatchNorm2d.load(p, "norm.norm") : null;
    this.activation = activation;
  }

  long outChannels() {
    return conv2d.outChannels();
  }

  NDArray forward(NDArray x) {
    NDArray in = scale == Scale.UP ? Resize.nearest2x(x) : x;
    NDArray padded = ReflectionPad.pad1(in);
    if (in != x) {
      in.close();
    }
    NDArray out = conv2d.forward(padded);
    padded.close();
    if (norm != null) {
      NDArray n = norm.forward(out);
      out.close();
      out = n;
    }
    if (activation) {
      NDArray a = Activation.leakyRelu(out, LEAKY);
      out.close();
      out = a;
    }
    return out;
  }
}
