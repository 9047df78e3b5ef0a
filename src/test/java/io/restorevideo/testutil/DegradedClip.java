package io.restorevideo.testutil;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.CV_16SC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.restorevideo.bench.CameraPath;
import io.restorevideo.face.AffineMatrix;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.IntFunction;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.ShortIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Test clips of the public-domain group picture (golden/align-paste/group.png) moved along a known camera
 * path ({@link CameraPath}: zoom, pan and roll about the frame's centre), and the same frames degraded one by
 * one with independent noise, blur and JPEG, so the input flickers the way low-quality video does while the
 * clean moved picture is the reference. Both are lossless (FFV1, BGR) Matroska files at 10 fps with a sine
 * tone, so what a test measures is what it made.
 */
public final class DegradedClip {
  /** Degradation of each frame: blur sigma (px), noise sigma (levels), JPEG quality. */
  public static final double BLUR = 1.2;
  public static final double NOISE = 8;
  public static final int JPEG_QUALITY = 35;

  /** The two clips. */
  public record Clips(Path input, Path reference, int frames, int width, int height) {}

  private DegradedClip() {}

  /** {@code frames} frames of {@code width}x{@code height}: moving, degraded input, clean reference. */
  public static Clips moving(Path dir, int width, int height, int frames) {
    return make(dir, "moving", width, height, frames, true, true);
  }

  /** A still camera and no degradation: every frame of the input is the same clean picture. */
  public static Clips still(Path dir, int width, int height, int frames) {
    return make(dir, "still", width, height, frames, false, false);
  }

  /**
   * The input of {@link #moving} with frame {@code replaced} swapped for a frame from elsewhere on the path,
   * as a glitch or a bad splice would; same frame count, times and audio.
   */
  public static Path withReplacedFrame(Path dir, int width, int height, int frames, int replaced) {
    String name = "replaced" + replaced;
    return write(dir, name, frames, t -> degradedFrame(dir, width, height, t == replaced ? t + 25 : t, true, true));
  }

  private static Clips make(Path dir, String name, int width, int height, int frames, boolean moving,
      boolean degraded) {
    Path input = write(dir, name + "-input", frames, t -> degradedFrame(dir, width, height, t, moving, degraded));
    Path reference = write(dir, name + "-clean", frames, t -> degradedFrame(dir, width, height, t, moving, false));
    return new Clips(input, reference, frames, width, height);
  }

  /** Frame {@code t}: the picture through the camera path (or the still start of it), degraded when asked. */
  static Mat degradedFrame(Path dir, int width, int height, int t, boolean moving, boolean degraded) {
    Path png = TinyModels.copy("/golden/align-paste/group.png", dir);
    Mat clean = new Mat();
    try (Mat picture = imread(png.toString(), IMREAD_COLOR); Size size = new Size(width, height);
        Mat m = placement(picture.cols(), picture.rows(), width, height, moving ? t : 0).toMat()) {
      warpAffine(picture, clean, m, size, INTER_LINEAR, BORDER_REFLECT, new Scalar());
    }
    if (!degraded) {
      return clean;
    }
    try (clean) {
      return degrade(clean, new Random(1000L + t));
    }
  }

  /** The camera's matrix at frame t: the picture scaled to cover the frame (centre face big), then the path. */
  static AffineMatrix placement(int pw, int ph, int width, int height, int t) {
    // the group's centre face, enlarged so it spans about a third of the frame height
    double s = 1.6 * Math.max((double) width / pw, (double) height / ph);
    AffineMatrix fit = AffineMatrix.of(s, 0, width / 2.0 - s * pw / 2.0, 0, s, height / 2.0 - s * ph / 2.0);
    AffineMatrix cam = new CameraPath(width, height, 3).matrix(t);
    double[] a = cam.toArray();
    double[] b = fit.toArray();
    return AffineMatrix.of(a[0] * b[0] + a[1] * b[3], a[0] * b[1] + a[1] * b[4], a[0] * b[2] + a[1] * b[5] + a[2],
        a[3] * b[0] + a[4] * b[3], a[3] * b[1] + a[4] * b[4], a[3] * b[2] + a[4] * b[5] + a[5]);
  }

  /** Blur, independent Gaussian noise, then JPEG, as a camera and a bad encoder would. */
  static Mat degrade(Mat clean, Random random) {
    try (Mat blurred = new Mat(); Mat noisy = new Mat(); Mat wide = new Mat(); Size k = new Size(0, 0);
        BytePointer jpeg = new BytePointer()) {
      GaussianBlur(clean, blurred, k, BLUR);
      blurred.convertTo(wide, CV_16SC3);
      try (ShortIndexer idx = wide.createIndexer()) {
        for (int y = 0; y < wide.rows(); y++) {
          for (int x = 0; x < wide.cols(); x++) {
            for (int c = 0; c < 3; c++) {
              idx.put(y, x, c, (short) (idx.get(y, x, c) + Math.round(random.nextGaussian() * NOISE)));
            }
          }
        }
      }
      wide.convertTo(noisy, CV_8UC3);
      imencode(".jpg", noisy, jpeg, new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY));
      try (Mat bytes = new Mat(1, (int) jpeg.limit(), org.bytedeco.opencv.global.opencv_core.CV_8U, jpeg)) {
        return imdecode(bytes, IMREAD_COLOR);
      }
    }
  }

  /** Writes the frames as a lossless BGR FFV1 Matroska clip at 10 fps with a sine tone. */
  private static Path write(Path dir, String name, int frames, IntFunction<Mat> frame) {
    Path frameDir = dir.resolve(name + "-frames");
    frameDir.toFile().mkdirs();
    for (int t = 0; t < frames; t++) {
      try (Mat f = frame.apply(t)) {
        imwrite(frameDir.resolve(String.format("%04d.png", t)).toString(), f);
      }
    }
    Path clip = dir.resolve(name + ".mkv");
    Ffmpeg.run(dir, "-y", "-framerate", "10", "-i", frameDir.resolve("%04d.png").toString(), "-f", "lavfi", "-i",
        "sine=frequency=440:sample_rate=44100", "-map", "0:v", "-map", "1:a", "-t", "" + frames / 10.0, "-c:v",
        "ffv1", "-pix_fmt", "bgr0", "-c:a", "aac", clip.toString());
    return clip;
  }
}
