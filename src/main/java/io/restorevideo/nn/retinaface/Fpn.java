package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;
import io.restorevideo.nn.Params;
import io.restorevideo.nn.Resize;

/**
 * RetinaFace's {@code FPN}: 1x1 laterals ({@code output1..3}) to a common width, top-down nearest upsampling
 * to the lateral's exact size (PyTorch's floor rule, which matters when a side is odd) and 3x3 merges.
 */
final class Fpn {
  private final ConvBn output1;
  private final ConvBn output2;
  private final ConvBn output3;
  private final ConvBn merge1;
  private final ConvBn merge2;

  Fpn(Params fpn) {
    float leaky = RetinaFace.leakySlope(fpn.sub("output1").tensor("0.weight").dim(0));
    output1 = ConvBn.load(fpn, "output1", 1, leaky);
    output2 = ConvBn.load(fpn, "output2", 1, leaky);
    output3 = ConvBn.load(fpn, "output3", 1, leaky);
    merge1 = ConvBn.load(fpn, "merge1", 1, leaky);
    merge2 = ConvBn.load(fpn, "merge2", 1, leaky);
  }

  NDArray[] forward(NDArray[] in) {
    NDArray o1 = output1.forward(in[0]);
    NDArray o2 = output2.forward(in[1]);
    NDArray o3 = output3.forward(in[2]);
    NDArray up3 = Resize.nearest(o3, o2.getShape().get(2), o2.getShape().get(3));
    o2.addi(up3);
    up3.close();
    NDArray m2 = merge2.forward(o2);
    o2.close();
    NDArray up2 = Resize.nearest(m2, o1.getShape().get(2), o1.getShape().get(3));
    o1.addi(up2);
    up2.close();
    NDArray m1 = merge1.forward(o1);
    o1.close();
    return new NDArray[] {m1, m2, o3};
  }
}
