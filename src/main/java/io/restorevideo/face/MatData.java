package io.restorevideo.face;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.ShortPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Bulk copies between continuous Mats and Java arrays (element type must match the Mat's depth). */
public final class MatData {
  private MatData() {}

  public static float[] floats(Mat m) {
    float[] out = new float[count(m)];
    new FloatPointer(m.data()).get(out);
    return out;
  }

  public static double[] doubles(Mat m) {
    double[] out = new double[count(m)];
    new DoublePointer(m.data()).get(out);
    return out;
  }

  public static byte[] bytes(Mat m) {
    byte[] out = new byte[count(m)];
    m.data().get(out);
    return out;
  }

  public static void put(Mat m, float[] v) {
    check(m, v.length);
    new FloatPointer(m.data()).put(v);
  }

  public static void put(Mat m, double[] v) {
    check(m, v.length);
    new DoublePointer(m.data()).put(v);
  }

  public static void put(Mat m, byte[] v) {
    check(m, v.length);
    BytePointer p = m.data();
    p.put(v);
  }

  public static void put(Mat m, short[] v) {
    check(m, v.length);
    new ShortPointer(m.data()).put(v);
  }

  private static int count(Mat m) {
    if (!m.isContinuous()) {
      throw new IllegalArgumentException("Mat is not continuous");
    }
    return Math.toIntExact(m.total() * m.channels());
  }

  private static void check(Mat m, int n) {
    if (count(m) != n) {
      throw new IllegalArgumentException("Mat holds " + count(m) + " values, array " + n);
    }
  }
}
