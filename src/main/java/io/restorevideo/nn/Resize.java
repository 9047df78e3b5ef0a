package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;

/**
 * Nearest-neighbour resizing of NCHW tensors with PyTorch's {@code F.interpolate(mode='nearest')} rule
 * (source index = floor(dst * in / out)), which the FPN of RetinaFace relies on for non-integer ratios,
 * and the plain 2x upsampling of VQGAN, ParseNet and RRDBNet.
 */
public final class Resize {
  /** The interpolation mode code of DJL's PyTorch engine for 'nearest'. */
  private static final int NEAREST = 0;

  private Resize() {}

  public static NDArray nearest(NDArray x, long height, long width) {
    return x.getNDArrayInternal().interpolation(new long[] {height, width}, NEAREST, false);
  }

  public static NDArray nearest2x(NDArray x) {
    return nearest(x, x.getShape().get(2) * 2, x.getShape().get(3) * 2);
  }
}
