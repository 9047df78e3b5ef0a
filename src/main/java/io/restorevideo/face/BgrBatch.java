package io.restorevideo.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Same-size BGR 8-bit images (CV_8UC3) as one (N, H, W, 3) uint8 tensor, the start of every network input. */
public final class BgrBatch {
  private BgrBatch() {}

  public static NDArray nhwc(List<Mat> images, NDManager manager) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("no images");
    }
    int h = images.get(0).rows();
    int w = images.get(0).cols();
    int plane = h * w * 3;
    ByteBuffer buf = ByteBuffer.allocateDirect(plane * images.size());
    for (Mat m : images) {
      if (m.type() != CV_8UC3) {
        throw new IllegalArgumentException("expected an 8-bit BGR image (CV_8UC3), got type " + m.type());
      }
      if (m.rows() != h || m.cols() != w) {
        throw new IllegalArgumentException("images of one batch must share a size: " + w + "x" + h + " and "
            + m.cols() + "x" + m.rows());
      }
      if (m.isContinuous()) {
        buf.put(MatData.bytes(m));
      } else {
        try (Mat c = m.clone()) {
          buf.put(MatData.bytes(c));
        }
      }
    }
    buf.flip();
    return manager.create(buf, new Shape(images.size(), h, w, 3), DataType.UINT8);
  }
}
