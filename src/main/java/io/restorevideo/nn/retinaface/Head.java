package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;

/**
 * One of {@code ClassHead}, {@code BboxHead}, {@code LandmarkHead} at one level: a 1x1 conv whose output is
 * permuted to NHWC and viewed as (N, H*W*anchors, values), so rows run over cells then anchors as the priors do.
 */
final class Head {
  private final Conv conv1x1;
  private final long values;

  Head(Params p, long values) {
    conv1x1 = Conv.load(p, "conv1x1", 1, 0);
    this.values = values;
    if (conv1x1.outChannels() % values != 0) {
      throw new io.restorevideo.weights.WeightsException(p.dict().source() + ": a head conv has "
          + conv1x1.outChannels() + " outputs, not a multiple of " + values);
    }
  }

  NDArray forward(NDArray x) {
    NDArray y = conv1x1.forward(x);
    NDArray nhwc = y.transpose(0, 2, 3, 1);
    NDArray out = nhwc.reshape(x.getShape().get(0), -1, values);
    // the transposed view shares y's storage: left to the manager it would keep y alive to the call's end
    nhwc.close();
    y.close();
    return out;
  }
}
