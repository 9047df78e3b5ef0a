package io.restorevideo.nn.rrdbnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * basicsr's {@code pixel_unshuffle}: (b, c, h, w) to (b, c*r*r, h/r, w/r) with channel order
 * {@code c, dy, dx}, i.e. {@code view(b,c,h/r,r,w/r,r).permute(0,1,3,5,2,4)}.
 */
final class PixelUnshuffle {
  private PixelUnshuffle() {}

  static NDArray apply(NDArray x, int r) {
    Shape s = x.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    if (h % r != 0 || w % r != 0) {
      throw new IllegalArgumentException("pixel-unshuffle by " + r + " needs height and width divisible by " + r
          + ", got " + h + "x" + w);
    }
    try (NDArray split = x.reshape(b, c, h / r, r, w / r, r);
        NDArray moved = split.transpose(0, 1, 3, 5, 2, 4)) {
      return moved.reshape(b, c * r * r, h / r, w / r);
    }
  }
}
