package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;
import io.restorevideo.nn.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * The MobileNet-0.25 backbone of {@code detection_mobilenet0.25_Final.pth} ({@code body.stage1..3}): a strided
 * {@code conv_bn} followed by depthwise-separable {@code conv_dw} units, LeakyReLU 0.1 throughout. The
 * strides are fixed by the official class; the widths come from the checkpoint. Its classifier
 * ({@code avg}, {@code fc}) is not part of RetinaFace and not in the checkpoint.
 */
final class MobileNetV1 implements Backbone {
  private static final float LEAKY = 0.1f;
  private static final int[][] STRIDES = {{2, 1, 2, 1, 2, 1}, {2, 1, 1, 1, 1, 1}, {2, 1}};

  private final List<List<ConvBn>> stages = new ArrayList<>();

  MobileNetV1(Params body) {
    for (int s = 0; s < STRIDES.length; s++) {
      String stage = "stage" + (s + 1);
      List<ConvBn> units = new ArrayList<>();
      for (int i = 0; i < STRIDES[s].length; i++) {
        String block = stage + "." + i;
        int stride = STRIDES[s][i];
        if (s == 0 && i == 0) {
          units.add(ConvBn.load(body, block, stride, LEAKY));
        } else {
          // conv_dw: depthwise 3x3 (groups = channels) at indices 0/1, pointwise 1x1 at 3/4
          long channels = body.sub(block).tensor("0.weight").dim(0);
          units.add(ConvBn.load(body, block, 0, stride, (int) channels, LEAKY));
          units.add(ConvBn.load(body, block, 3, 1, 1, LEAKY));
        }
      }
      stages.add(units);
    }
  }

  @Override
  public NDArray[] forward(NDArray x) {
    NDArray[] out = new NDArray[stages.size()];
    NDArray h = x;
    for (int s = 0; s < stages.size(); s++) {
      for (ConvBn unit : stages.get(s)) {
        NDArray next = unit.forward(h);
        if (h != x && !isOutput(out, h)) {
          h.close();
        }
        h = next;
      }
      out[s] = h;
    }
    return out;
  }

  private static boolean isOutput(NDArray[] out, NDArray a) {
    for (NDArray o : out) {
      if (o == a) {
        return true;
      }
    }
    return false;
  }
}
