package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.restorevideo.face.Landmarks5;
import io.restorevideo.testutil.Npy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** The golden align-paste inputs (README "Input images", section 3) and image comparisons. */
public final class Fixtures {
  public static final String DIR = "/golden/align-paste/";

  private Fixtures() {}

  /** A golden PNG decoded with IMREAD_COLOR (BGR). */
  public static Mat image(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(DIR + name)) {
      byte[] bytes = in.readAllBytes();
      try (BytePointer p = new BytePointer(bytes); Mat buf = new Mat(1, bytes.length, CV_8UC1, p)) {
        return imdecode(buf, IMREAD_COLOR);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Face {@code k} (0: large astronaut on the left, 1: the mirrored one in the middle) of group.png. */
  public static Landmarks5 landmarks(int k) {
    float[] all = Npy.resource(DIR + "landmarks.npy").floats();
    float[] xy = new float[10];
    System.arraycopy(all, 10 * k, xy, 0, 10);
    return new Landmarks5(xy);
  }

  /** Largest per-value difference of two same-sized 8-bit images. */
  public static int maxDiff(Mat a, Mat b) {
    if (a.cols() != b.cols() || a.rows() != b.rows() || a.type() != b.type()) {
      throw new AssertionError("images differ in size or type: " + a.cols() + "x" + a.rows() + " vs " + b.cols() + "x"
          + b.rows());
    }
    try (Mat d = new Mat(); Mat flat = new Mat()) {
      absdiff(a, b, d);
      d.reshape(1, 0).copyTo(flat);
      try (DoublePointer min = new DoublePointer(1); DoublePointer max = new DoublePointer(1)) {
        minMaxLoc(flat, min, max, null, null, null);
        return (int) max.get();
      }
    }
  }

  /** How many values of two same-sized 8-bit images differ. */
  public static int countDiffering(Mat a, Mat b) {
    try (Mat d = new Mat(); Mat flat = new Mat()) {
      absdiff(a, b, d);
      d.reshape(1, 0).copyTo(flat);
      return countNonZero(flat);
    }
  }

  public static byte[] bytes(Mat m) {
    Mat c = m.isContinuous() ? m : m.clone();
    byte[] out = new byte[(int) (c.total() * c.channels())];
    c.data().get(out);
    return out;
  }
}
