package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.restorevideo.nn.BatchNorm2d;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;

/**
 * torchvision's ResNet {@code Bottleneck} (v1.5: the stride sits on the 3x3 conv): 1x1, 3x3, 1x1 convs with
 * BatchNorm, ReLU, and a {@code downsample} (1x1 conv + BN) on the identity path when the checkpoint has one.
 */
final class Bottleneck {
  private final Conv conv1;
  private final BatchNorm2d bn1;
  private final Conv conv2;
  private final BatchNorm2d bn2;
  private final Conv conv3;
  private final BatchNorm2d bn3;
  private final Conv downsampleConv;
  private final BatchNorm2d downsampleBn;

  Bottleneck(Params p, int stride) {
    conv1 = Conv.load(p, "conv1", 1, 0);
    bn1 = BatchNorm2d.load(p, "bn1");
    conv2 = Conv.load(p, "conv2", stride, 1);
    bn2 = BatchNorm2d.load(p, "bn2");
    conv3 = Conv.load(p, "conv3", 1, 0);
    bn3 = BatchNorm2d.load(p, "bn3");
    if (p.has("downsample.0.weight")) {
      downsampleConv = Conv.load(p, "downsample.0", stride, 0);
      downsampleBn = BatchNorm2d.load(p, "downsample.1");
    } else {
      downsampleConv = null;
      downsampleBn = null;
    }
  }

  NDArray forward(NDArray x) {
    NDArray out = reluBn(bn1, conv1.forward(x));
    out = reluBn(bn2, swap(out, conv2.forward(out)));
    NDArray c3 = conv3.forward(out);
    out.close();
    NDArray y = bn3.forward(c3);
    c3.close();
    NDArray identity = x;
    if (downsampleConv != null) {
      NDArray d = downsampleConv.forward(x);
      identity = downsampleBn.forward(d);
      d.close();
    }
    y.addi(identity);
    if (identity != x) {
      identity.close();
    }
    NDArray r = Activation.relu(y);
    y.close();
    return r;
  }

  private static NDArray swap(NDArray old, NDArray next) {
    old.close();
    return next;
  }

  private static NDArray reluBn(BatchNorm2d bn, NDArray convOut) {
    NDArray n = bn.forward(convOut);
    convOut.close();
    NDArray r = Activation.relu(n);
    n.close();
    return r;
  }
}
