package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import io.restorevideo.nn.Params;

/**
 * The {@code SSH} context module: a 3x3 branch (half the width) and stacked 3x3s standing in for 5x5 and 7x7
 * (a quarter each), concatenated and passed through ReLU. The official key {@code conv7x7_3} has a lower-case
 * x, unlike its siblings.
 */
final class Ssh {
  private final ConvBn conv3X3;
  private final ConvBn conv5X5_1;
  private final ConvBn conv5X5_2;
  private final ConvBn conv7X7_2;
  private final ConvBn conv7x7_3;

  Ssh(Params p, long width) {
    float leaky = RetinaFace.leakySlope(width);
    conv3X3 = ConvBn.load(p, "conv3X3", 1, ConvBn.NO_ACTIVATION);
    conv5X5_1 = ConvBn.load(p, "conv5X5_1", 1, leaky);
    conv5X5_2 = ConvBn.load(p, "conv5X5_2", 1, ConvBn.NO_ACTIVATION);
    conv7X7_2 = ConvBn.load(p, "conv7X7_2", 1, leaky);
    conv7x7_3 = ConvBn.load(p, "conv7x7_3", 1, ConvBn.NO_ACTIVATION);
  }

  NDArray forward(NDArray x) {
    NDArray a = conv3X3.forward(x);
    NDArray b1 = conv5X5_1.forward(x);
    NDArray b = conv5X5_2.forward(b1);
    NDArray c2 = conv7X7_2.forward(b1);
    b1.close();
    NDArray c = conv7x7_3.forward(c2);
    c2.close();
    NDArray cat = NDArrays.concat(new NDList(a, b, c), 1);
    a.close();
    b.close();
    c.close();
    NDArray out = Activation.relu(cat);
    cat.close();
    return out;
  }
}
