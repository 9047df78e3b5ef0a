package io.restorevideo.nn.rrdbnet;

import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.TensorData;
import io.restorevideo.weights.WeightsException;
import java.util.Arrays;

/**
 * The constructor arguments of basicsr's {@code RRDBNet(num_in_ch, num_out_ch, scale, num_feat, num_block,
 * num_grow_ch)}, read back from a checkpoint's shapes so that the official x2/x4 models and tiny test models
 * load through the same code. The scale is told by {@code conv_first}'s input channels, because scales 2 and 1
 * pixel-unshuffle the image (by 2 and by 4) before that convolution.
 */
public record RrdbNetShape(int scale, int numInCh, int numOutCh, int numFeat, int numBlock, int numGrowCh) {

  /** Image channels the networks take (RGB); conv_first sees 3, 12 or 48 channels. */
  private static final int IMAGE_CHANNELS = 3;

  public static RrdbNetShape infer(StateDict dict) {
    TensorData first = conv(dict, "conv_first");
    long in = first.dim(1);
    int scale;
    if (in == IMAGE_CHANNELS) {
      scale = 4;
    } else if (in == IMAGE_CHANNELS * 4) {
      scale = 2;
    } else if (in == IMAGE_CHANNELS * 16) {
      scale = 1;
    } else {
      throw new WeightsException(dict.source() + ": 'conv_first.weight' has " + in
          + " input channels; RRDBNet takes 3 (x4), 12 (x2) or 48 (x1)");
    }
    int numFeat = Math.toIntExact(first.dim(0));
    int numOut = Math.toIntExact(conv(dict, "conv_last").dim(0));
    int numBlock = 0;
    while (dict.contains("body." + numBlock + ".rdb1.conv1.weight")) {
      numBlock++;
    }
    if (numBlock == 0) {
      throw new WeightsException(dict.source() + ": missing key 'body.0.rdb1.conv1.weight' (no RRDB blocks)");
    }
    int numGrow = Math.toIntExact(conv(dict, "body.0.rdb1.conv1").dim(0));
    return new RrdbNetShape(scale, IMAGE_CHANNELS, numOut, numFeat, numBlock, numGrow);
  }

  /** How much pixel-unshuffle shrinks the input before conv_first (1: none). */
  public int unshuffle() {
    return switch (scale) {
      case 2 -> 2;
      case 1 -> 4;
      default -> 1;
    };
  }

  private static TensorData conv(StateDict dict, String name) {
    TensorData w = dict.get(name + ".weight");
    if (w.rank() != 4) {
      throw new WeightsException(dict.source() + ": '" + name + ".weight' is not a 4-D convolution weight: "
          + Arrays.toString(w.shape()));
    }
    return w;
  }
}
