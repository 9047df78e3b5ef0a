package io.restorevideo.nn.rrdbnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * {@code F.pad(x, (0, right, 0, bottom), 'reflect')} on NCHW: RealESRGANer pads only the bottom and right
 * edges, mirroring without repeating the edge pixel.
 */
final class ReflectPad {
  private ReflectPad() {}

  static NDArray bottomRight(NDArray x, int right, int bottom) {
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    if (right >= w || bottom >= h) {
      throw new IllegalArgumentException("reflect padding (" + right + ", " + bottom + ") must be smaller than the "
          + w + "x" + h + " image");
    }
    NDArray wide = right == 0 ? x : append(x, right, 3, w);
    NDArray out = bottom == 0 ? wide : append(wide, bottom, 2, h);
    if (wide != x && wide != out) {
      wide.close();
    }
    return out;
  }

  private static NDArray append(NDArray x, int n, int axis, long size) {
    String range = (size - 1 - n) + ":" + (size - 1);
    NDIndex index = axis == 3 ? new NDIndex(":, :, :, " + range) : new NDIndex(":, :, " + range);
    try (NDArray edge = x.get(index); NDArray mirrored = edge.flip(axis)) {
      return NDArrays.concat(new NDList(x, mirrored), axis);
    }
  }
}
