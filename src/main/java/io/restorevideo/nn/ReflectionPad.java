package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

/**
 * {@code nn.ReflectionPad2d(1)} on NCHW tensors, which DJL does not offer: the row/column next to each edge
 * is mirrored across it (the edge itself is not repeated), rows first, then columns, as torch does.
 */
public final class ReflectionPad {
  private ReflectionPad() {}

  public static NDArray pad1(NDArray x) {
    long h = x.getShape().get(2);
    long w = x.getShape().get(3);
    if (h < 2 || w < 2) {
      throw new IllegalArgumentException("reflection padding needs at least 2x2, got " + x.getShape());
    }
    NDList rowParts = new NDList(x.get(new NDIndex(":, :, 1:2, :")), x,
        x.get(new NDIndex(":, :, {}:{}, :", h - 2, h - 1)));
    NDArray rows = concatThenCloseEdges(rowParts, 2);
    NDList colParts = new NDList(rows.get(new NDIndex(":, :, :, 1:2")), rows,
        rows.get(new NDIndex(":, :, :, {}:{}", w - 2, w - 1)));
    NDArray out = concatThenCloseEdges(colParts, 3);
    rows.close();
    return out;
  }

  /**
   * The edge slices are views that share their source's storage: left to the manager, each would keep the
   * whole source tensor alive until the network call ends (at 512x512 with 64-128 channels, hundreds of MB
   * per layer). The concatenation copies them, so they can go at once.
   */
  private static NDArray concatThenCloseEdges(NDList parts, int axis) {
    NDArray out = NDArrays.concat(parts, axis);
    parts.get(0).close();
    parts.get(2).close();
    return out;
  }
}
