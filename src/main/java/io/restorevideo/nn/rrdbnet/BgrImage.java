package io.restorevideo.nn.rrdbnet;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * RealESRGANer.enhance's conversions between an 8-bit OpenCV BGR image and the network's tensor:
 * {@code float32(img) / 255}, BGR to RGB, (1, 3, h, w); back: clamp to [0, 1], RGB to BGR, {@code * 255},
 * round half to even (numpy's round), uint8.
 */
public final class BgrImage {
  private static final float MAX = 255f;

  private BgrImage() {}

  public static NDArray toTensor(Mat bgr, NDManager manager) {
    requireBgr8(bgr);
    Mat continuous = bgr.isContinuous() ? bgr : bgr.clone();
    int h = continuous.rows();
    int w = continuous.cols();
    int plane = h * w;
    byte[] pixels = new byte[plane * 3];
    continuous.data().get(pixels);
    if (continuous != bgr) {
      continuous.close();
    }
    float[] chw = new float[pixels.length];
    for (int i = 0; i < plane; i++) {
      chw[i] = (pixels[3 * i + 2] & 0xff) / MAX;
      chw[plane + i] = (pixels[3 * i + 1] & 0xff) / MAX;
      chw[2 * plane + i] = (pixels[3 * i] & 0xff) / MAX;
    }
    return manager.create(chw, new Shape(1, 3, h, w));
  }

  /** (1, 3, h, w) RGB (any float type, any device) to a new CV_8UC3 BGR Mat. */
  public static Mat toMat(NDArray rgb) {
    Shape s = rgb.getShape();
    if (s.dimension() != 4 || s.get(0) != 1 || s.get(1) != 3) {
      throw new IllegalArgumentException("expected a (1, 3, h, w) image tensor, got " + s);
    }
    int h = Math.toIntExact(s.get(2));
    int w = Math.toIntExact(s.get(3));
    byte[] hwc;
    try (NDManager scope = rgb.getManager().newSubManager()) {
      rgb.tempAttach(scope);
      NDArray bytes = rgb.toType(DataType.FLOAT32, false).clip(0, 1).mul(MAX).round().toType(DataType.UINT8, false)
          .squeeze(0).flip(0).transpose(1, 2, 0);
      hwc = bytes.toByteArray();
    }
    Mat out = new Mat(h, w, CV_8UC3);
    out.data().put(hwc);
    return out;
  }

  static void requireBgr8(Mat image) {
    if (image == null || image.empty()) {
      throw new IllegalArgumentException("empty image");
    }
    if (image.type() != CV_8UC3) {
      throw new IllegalArgumentException("expected an 8-bit BGR image (CV_8UC3), got OpenCV type " + image.type()
          + " with " + image.channels() + " channels");
    }
  }
}
