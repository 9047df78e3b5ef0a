package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;

/**
 * RetinaFace's test-phase outputs for a batch, one row per prior: {@code loc} (N, P, 4) box regression,
 * {@code conf} (N, P, 2) softmax scores (background, face), {@code landms} (N, P, 10) landmark regression.
 */
public record RetinaFaceOutput(NDArray loc, NDArray conf, NDArray landms) implements AutoCloseable {
  @Override
  public void close() {
    loc.close();
    conf.close();
    landms.close();
  }
}
