package io.restorevideo.media;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * One picture of before/after pairs, a row per pair: the input on the left, the restored frame on the right,
 * both at the input's size times the upscale (as the video would be written), each face box drawn on both.
 */
public final class BeforeAfterSheet {
  /** A face box in the input frame's pixels. */
  public record Box(double x1, double y1, double x2, double y2) {}

  /** One row: the frame before and after (the caller keeps ownership) and the faces' boxes. */
  public record Pair(Mat before, Mat after, List<Box> boxes) {}

  /** Green in BGR: visible on skin and on most backgrounds. */
  private static final Scalar BOX_COLOR = new Scalar(0, 255, 0, 0);

  private BeforeAfterSheet() {}

  /**
   * The sheet (CV_8UC3) of cells of the first input's size times {@code upscale}: width two cells, height one
   * cell per pair; the caller closes it.
   */
  public static Mat compose(List<Pair> pairs, int upscale) {
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("a sheet needs at least one pair");
    }
    int w = pairs.get(0).before().cols() * upscale;
    int h = pairs.get(0).before().rows() * upscale;
    Mat sheet = new Mat(h * pairs.size(), 2 * w, CV_8UC3, new Scalar(0, 0, 0, 0));
    int thickness = Math.max(1, Math.min(w, h) / 160);
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      try (Mat left = sheet.apply(new Rect(0, i * h, w, h)); Mat right = sheet.apply(new Rect(w, i * h, w, h))) {
        fit(p.before(), left);
        fit(p.after(), right);
        for (Box b : p.boxes()) {
          Box cell = new Box(b.x1() * upscale, b.y1() * upscale, b.x2() * upscale, b.y2() * upscale);
          draw(left, cell, thickness);
          draw(right, cell, thickness);
        }
      }
    }
    return sheet;
  }

  /** Copies {@code image} into {@code cell}, resized when their sizes differ (the still path may enlarge small frames). */
  private static void fit(Mat image, Mat cell) {
    if (image.cols() == cell.cols() && image.rows() == cell.rows()) {
      image.copyTo(cell);
    } else {
      resize(image, cell, new Size(cell.cols(), cell.rows()), 0, 0, image.cols() > cell.cols() ? INTER_AREA : INTER_CUBIC);
    }
  }

  private static void draw(Mat target, Box b, int thickness) {
    rectangle(target, new Point((int) Math.round(b.x1()), (int) Math.round(b.y1())),
        new Point((int) Math.round(b.x2()), (int) Math.round(b.y2())), BOX_COLOR, thickness, LINE_8, 0);
  }
}
