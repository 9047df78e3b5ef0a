package io.restorevideo.face;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Test fixtures: golden PNGs decoded as OpenCV does ({@code IMREAD_COLOR}, BGR). */
public final class GoldenImages {
  private GoldenImages() {}

  public static Mat read(String resource) {
    try (InputStream in = GoldenImages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      byte[] bytes = in.readAllBytes();
      try (BytePointer p = new BytePointer(bytes); Mat buf = new Mat(1, bytes.length, org.bytedeco.opencv.global.opencv_core.CV_8UC1, p)) {
        Mat img = imdecode(buf, IMREAD_COLOR);
        if (img.empty()) {
          throw new IllegalArgumentException("cannot decode " + resource);
        }
        return img;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Largest absolute difference between two 8-bit images of the same size, and how many values differ. */
  public static int[] diff(Mat a, Mat b) {
    byte[] x = MatData.bytes(a.isContinuous() ? a : a.clone());
    byte[] y = MatData.bytes(b.isContinuous() ? b : b.clone());
    if (x.length != y.length) {
      throw new AssertionError("sizes differ: " + x.length + " vs " + y.length);
    }
    int max = 0;
    int count = 0;
    for (int i = 0; i < x.length; i++) {
      int d = Math.abs((x[i] & 0xff) - (y[i] & 0xff));
      max = Math.max(max, d);
      if (d != 0) {
        count++;
      }
    }
    return new int[] {max, count};
  }
}
