package io.restorevideo.metrics;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.restorevideo.media.StillImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A PNG of a {@link StabilityReport}: per-frame warping error (whole frame, the input's for comparison, and
 * one line per face track), and below it the PSNR against the reference when there is one. Drawn with
 * OpenCV's lines and Hershey text: labelled axes with round ticks, a legend, gaps where a figure was not
 * measured.
 */
public final class StabilityPlot {
  static final int WIDTH = 1000;
  static final int PANEL_HEIGHT = 360;
  private static final int LEFT = 70;
  private static final int RIGHT = 210;
  private static final int TOP = 50;
  private static final int BOTTOM = 55;
  private static final Scalar WHITE = new Scalar(255, 255, 255, 0);
  private static final Scalar BLACK = new Scalar(0, 0, 0, 0);
  private static final Scalar GRID = new Scalar(225, 225, 225, 0);
  private static final Scalar GRAY = new Scalar(160, 160, 160, 0);
  /** Track colours (BGR), distinguishable and readable on white. */
  private static final Scalar[] PALETTE = {
      new Scalar(180, 119, 31, 0), new Scalar(14, 127, 255, 0), new Scalar(44, 160, 44, 0),
      new Scalar(40, 39, 214, 0), new Scalar(189, 103, 148, 0), new Scalar(75, 86, 140, 0),
      new Scalar(194, 119, 227, 0), new Scalar(34, 189, 188, 0), new Scalar(207, 190, 23, 0)};

  private StabilityPlot() {}

  /** One line of a panel. */
  record Series(String label, Scalar colour, int thickness, List<Double> values) {}

  /** Draws the report and writes it as a PNG at {@code file} (through a temporary name). */
  public static void write(StabilityReport report, Path file) {
    try (Mat image = draw(report)) {
      StillImages.write(image, file);
    }
  }

  static Mat draw(StabilityReport report) {
    List<FrameFigures> rows = report.perFrame();
    boolean quality = report.quality() != null;
    int height = PANEL_HEIGHT * (quality ? 2 : 1);
    Mat image = new Mat(height, WIDTH, CV_8UC3, WHITE);
    List<Series> warping = new ArrayList<>();
    warping.add(new Series("output, whole frame", BLACK, 2, column(rows, FrameFigures::warping)));
    warping.add(new Series("input, whole frame", GRAY, 1, column(rows, FrameFigures::inputWarping)));
    TreeSet<Integer> ids = new TreeSet<>();
    rows.forEach(r -> ids.addAll(r.tracks().keySet()));
    for (int id : ids) {
      warping.add(new Series("output, face track " + id, PALETTE[id % PALETTE.length], 2,
          column(rows, r -> r.tracks().get(id))));
    }
    panel(image, 0, "Warping error per frame (output vs previous output moved by the input's flow)",
        "levels (0-255)", rows.size(), warping);
    if (quality) {
      List<Series> psnr = new ArrayList<>();
      psnr.add(new Series("output, whole frame", BLACK, 2, column(rows, FrameFigures::psnr)));
      psnr.add(new Series("output, faces", PALETTE[1], 2, column(rows, FrameFigures::facePsnr)));
      psnr.add(new Series("input, whole frame", GRAY, 1, column(rows, FrameFigures::inputPsnr)));
      panel(image, PANEL_HEIGHT, "PSNR against the reference per frame", "dB", rows.size(), psnr);
    }
    return image;
  }

  private static List<Double> column(List<FrameFigures> rows, Function<FrameFigures, Double> f) {
    List<Double> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(f.apply(r)));
    return out;
  }

  private static void panel(Mat image, int y0, String title, String unit, int frames, List<Series> series) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (Double v : s.values()) {
        if (v != null) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (lo > hi) {
      lo = 0;
      hi = 1;
    }
    lo = Math.min(0, lo);
    double yStep = niceStep((hi - lo) / 5);
    // headroom, so the highest line does not run along the frame
    hi = Math.max(yStep, Math.ceil(hi * 1.05 / yStep) * yStep);
    lo = Math.floor(lo / yStep) * yStep;
    int x1 = LEFT;
    int x2 = WIDTH - RIGHT;
    int top = y0 + TOP;
    int bottom = y0 + PANEL_HEIGHT - BOTTOM;
    int lastFrame = Math.max(1, frames - 1);
    text(image, title, x1, y0 + 22, 0.55, BLACK, 1);
    text(image, unit, 8, top - 10, 0.45, BLACK, 1);
    for (double v = lo; v <= hi + yStep / 2; v += yStep) {
      int y = yPixel(v, lo, hi, top, bottom);
      line(image, new Point(x1, y), new Point(x2, y), GRID, 1, LINE_AA, 0);
      String label = yStep >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
      text(image, label, x1 - 8 - textWidth(label, 0.4), y + 5, 0.4, BLACK, 1);
    }
    double xStep = Math.max(1, niceStep(lastFrame / 8.0));
    for (double f = 0; f <= lastFrame; f += xStep) {
      int x = xPixel(f, lastFrame, x1, x2);
      line(image, new Point(x, bottom), new Point(x, bottom + 5), BLACK, 1, LINE_AA, 0);
      String label = String.format(Locale.ROOT, "%.0f", f);
      text(image, label, x - textWidth(label, 0.4) / 2, bottom + 20, 0.4, BLACK, 1);
    }
    text(image, "frame", (x1 + x2) / 2 - textWidth("frame", 0.5) / 2, bottom + 42, 0.5, BLACK, 1);
    line(image, new Point(x1, top), new Point(x1, bottom), BLACK, 1, LINE_AA, 0);
    line(image, new Point(x1, bottom), new Point(x2, bottom), BLACK, 1, LINE_AA, 0);
    int legendY = top + 10;
    for (Series s : series) {
      Point previous = null;
      for (int i = 0; i < s.values().size(); i++) {
        Double v = s.values().get(i);
        if (v == null) {
          previous = null;
          continue;
        }
        Point p = new Point(xPixel(i, lastFrame, x1, x2), yPixel(v, lo, hi, top, bottom));
        if (previous != null) {
          line(image, previous, p, s.colour(), s.thickness(), LINE_AA, 0);
        } else if (isolated(s.values(), i)) {
          rectangle(image, new Point(p.x() - 2, p.y() - 2), new Point(p.x() + 2, p.y() + 2), s.colour(), -1,
              LINE_AA, 0);
        }
        previous = p;
      }
      line(image, new Point(x2 + 15, legendY), new Point(x2 + 40, legendY), s.colour(), Math.max(2, s.thickness()),
          LINE_AA, 0);
      text(image, s.label(), x2 + 46, legendY + 5, 0.42, BLACK, 1);
      legendY += 20;
    }
  }

  private static boolean isolated(List<Double> values, int i) {
    return i + 1 >= values.size() || values.get(i + 1) == null;
  }

  private static int xPixel(double frame, int lastFrame, int x1, int x2) {
    return (int) Math.round(x1 + (x2 - x1) * frame / lastFrame);
  }

  private static int yPixel(double v, double lo, double hi, int top, int bottom) {
    return (int) Math.round(bottom - (bottom - top) * (v - lo) / (hi - lo));
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static void text(Mat image, String s, int x, int y, double scale, Scalar colour, int thickness) {
    putText(image, s, new Point(x, y), FONT_HERSHEY_SIMPLEX, scale, colour, thickness, LINE_AA, false);
  }

  private static int textWidth(String s, double scale) {
    int[] base = new int[1];
    try (Size size = getTextSize(s, FONT_HERSHEY_SIMPLEX, scale, 1, base)) {
      return size.width();
    }
  }
}
