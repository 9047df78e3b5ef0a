package io.restorevideo.face;

import io.restorevideo.face.paste.FaceCompositor;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.erode;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Test oracle: {@code paste_faces_to_input_image} transcribed line by line over the whole frame (full-frame
 * warpAffine, erode, blur, numpy's pairwise sum over the whole flattened mask, whole-frame blend), to check
 * that {@link FaceCompositor}'s region-limited computation gives the same bytes.
 */
public final class WholeFramePaste {
  private WholeFramePaste() {}

  public static byte[] paste(Mat canvas, List<FaceCompositor.Face> faces, int upscale, boolean drawBox) {
    int w = canvas.cols();
    int h = canvas.rows();
    byte[] px = MatData.bytes(canvas);
    double[] img = new double[px.length];
    for (int i = 0; i < px.length; i++) {
      img[i] = px[i] & 0xff;
    }
    List<float[]> borders = new ArrayList<>();
    Size frame = new Size(w, h);
    Scalar zero = new Scalar(0.0);
    for (FaceCompositor.Face f : faces) {
      int fw = f.restored().cols();
      int fh = f.restored().rows();
      Mat m = f.toOutput().toMat();
      Mat invRestored = new Mat();
      warpAffine(f.restored(), invRestored, m, frame, INTER_LINEAR, BORDER_CONSTANT, zero);
      Mat invMask = new Mat();
      warpAffine(new Mat(fh, fw, CV_32FC1, new Scalar(1.0)), invMask, m, frame, INTER_LINEAR, BORDER_CONSTANT, zero);
      Mat ero = new Mat();
      erode(invMask, ero, new Mat(2 * upscale, 2 * upscale, CV_8UC1, new Scalar(1.0)));
      float[] eroData = MatData.floats(ero);
      float area = pairwise(eroData, 0, eroData.length);
      int edge = (int) (float) Math.sqrt(area) / 20;
      Mat center = new Mat();
      erode(ero, center, edge > 0 ? new Mat(2 * edge, 2 * edge, CV_8UC1, new Scalar(1.0)) : new Mat());
      Mat soft = new Mat();
      GaussianBlur(center, soft, new Size(2 * edge + 1, 2 * edge + 1), 0);
      float[] s = MatData.floats(soft);
      byte[] r = MatData.bytes(invRestored);
      double[] parse = null;
      if (f.parseMask() != null) {
        Mat p = new Mat();
        warpAffine(f.parseMask(), p, m, frame, INTER_AREA, BORDER_CONSTANT, zero);
        parse = MatData.doubles(p);
      }
      for (int i = 0; i < w * h; i++) {
        for (int c = 0; c < 3; c++) {
          float pasted = eroData[i] * (r[3 * i + c] & 0xff);
          if (parse == null) {
            img[3 * i + c] = s[i] * pasted + (1f - s[i]) * (float) img[3 * i + c];
          } else {
            int fuse = parse[i] < s[i] ? 1 : 0;
            double mask = parse[i] * fuse + (double) s[i] * (1 - fuse);
            img[3 * i + c] = mask * pasted + (1 - mask) * img[3 * i + c];
          }
        }
      }
      if (drawBox) {
        int border = (int) (1400f / (float) Math.sqrt(area));
        Mat frameMask = new Mat(fh, fw, CV_32FC1, new Scalar(1.0));
        if (border < fh - border && border < fw - border) {
          new Mat(frameMask, new org.bytedeco.opencv.opencv_core.Rect(border, border, fw - 2 * border,
              fh - 2 * border)).put(new Scalar(0.0));
        }
        Mat inv = new Mat();
        warpAffine(frameMask, inv, m, frame, INTER_LINEAR, BORDER_CONSTANT, zero);
        borders.add(MatData.floats(inv));
      }
    }
    float[] colour = {0f, 255f, 0f};
    byte[] out = new byte[img.length];
    for (int i = 0; i < img.length; i++) {
      img[i] = (int) img[i];
    }
    for (float[] b : borders) {
      for (int i = 0; i < w * h; i++) {
        for (int c = 0; c < 3; c++) {
          img[3 * i + c] = b[i] * colour[c] + (1f - b[i]) * (float) img[3 * i + c];
        }
      }
    }
    for (int i = 0; i < img.length; i++) {
      out[i] = (byte) (drawBox ? Math.rint(img[i]) : img[i]);
    }
    return out;
  }

  /** numpy's float32 pairwise summation over a whole array. */
  public static float pairwise(float[] a, int start, int n) {
    if (n < 8) {
      float res = 0f;
      for (int i = start; i < start + n; i++) {
        res += a[i];
      }
      return res;
    }
    if (n <= 128) {
      float[] r = new float[8];
      System.arraycopy(a, start, r, 0, 8);
      int i;
      for (i = 8; i < n - n % 8; i += 8) {
        for (int j = 0; j < 8; j++) {
          r[j] += a[start + i + j];
        }
      }
      float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) {
        res += a[start + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise(a, start, n2) + pairwise(a, start + n2, n - n2);
  }
}
