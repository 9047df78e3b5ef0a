package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.restorevideo.nn.BatchNorm2d;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;

/**
 * A bias-free convolution, a BatchNorm and optionally a LeakyReLU, the unit of {@code retinaface_net.py}
 * ({@code conv_bn}, {@code conv_bn1X1}, {@code conv_bn_no_relu}, and each half of {@code conv_dw}). The
 * convolution and the norm are children {@code convIndex} and {@code convIndex + 1} of an
 * {@code nn.Sequential}, which is how their keys are numbered.
 */
final class ConvBn {
  /** Marks a unit without activation ({@code conv_bn_no_relu}). */
  static final float NO_ACTIVATION = Float.NaN;

  private final Conv conv;
  private final BatchNorm2d bn;
  private final float slope;

  private ConvBn(Conv conv, BatchNorm2d bn, float slope) {
    this.conv = conv;
    this.bn = bn;
    this.slope = slope;
  }

  /**
   * @param slope LeakyReLU negative slope (0 is a plain ReLU), or {@link #NO_ACTIVATION}
   */
  static ConvBn load(Params p, String name, int convIndex, int stride, int groups, float slope) {
    Params q = p.sub(name);
    long k = q.tensor(convIndex + ".weight").dim(2);
    Conv conv = Conv.load(q, String.valueOf(convIndex), stride, (int) (k / 2), groups);
    return new ConvBn(conv, BatchNorm2d.load(q, String.valueOf(convIndex + 1)), slope);
  }

  /** {@code nn.Sequential(conv, bn[, act])} with the conv at index 0. */
  static ConvBn load(Params p, String name, int stride, float slope) {
    return load(p, name, 0, stride, 1, slope);
  }

  long outChannels() {
    return conv.outChannels();
  }

  NDArray forward(NDArray x) {
    NDArray y = conv.forward(x);
    NDArray z = bn.forward(y);
    y.close();
    if (Float.isNaN(slope)) {
      return z;
    }
    NDArray a = Activation.leakyRelu(z, slope);
    z.close();
    return a;
  }
}
