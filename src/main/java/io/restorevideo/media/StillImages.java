package io.restorevideo.media;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Still images in and out, as the official script reads and writes them. Reading is
 * {@code cv2.imread(path, IMREAD_COLOR)}: always 8-bit BGR (16-bit scaled down, gray expanded to three
 * channels, alpha dropped). Before decoding, the header's size is checked against a pixel limit
 * ({@link #DEFAULT_MAX_PIXELS} unless the caller sets another) and a minimum side. Writing picks PNG, JPEG or
 * WebP by the file's extension, with OpenCV's default settings, and goes to a temporary name in the target's
 * directory that is renamed onto the target only once complete.
 */
public final class StillImages {
  /**
   * 100 megapixels: the decoded BGR image alone is 300 MB, the upscaled output four times that at the default
   * upscale 2, and detection and paste-back need further copies.
   */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

  /**
   * The smallest side accepted: RetinaFace's smallest anchor is 16 pixels, so a smaller image cannot show a
   * face the detector could find; such an input is almost always a broken file or a thumbnail.
   */
  public static final int MIN_SIDE = 16;

  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp");

  private StillImages() {}

  /** Whether {@code file}'s extension is one this class reads and writes (case-insensitive). */
  public static boolean isImageName(Path file) {
    return EXTENSIONS.contains(extension(file));
  }

  /** The image as CV_8UC3 BGR; the caller closes it. */
  public static Mat read(Path file, long maxPixels) {
    ImageHeader header = ImageHeader.read(file);
    if (header.pixels() > maxPixels) {
      throw new MediaException(file + ": " + header.width() + "x" + header.height() + " image has "
          + header.pixels() + " pixels, above the limit of " + maxPixels + " (raise it with --max-pixels)");
    }
    if (header.width() < MIN_SIDE || header.height() < MIN_SIDE) {
      throw new MediaException(file + ": " + header.width() + "x" + header.height() + " image is too small (each side "
          + "must be at least " + MIN_SIDE + " pixels)");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MediaException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    try (BytePointer p = new BytePointer(bytes); Mat buf = new Mat(1, bytes.length, CV_8UC1, p)) {
      Mat img = imdecode(buf, IMREAD_COLOR);
      if (img == null || img.empty()) {
        throw new MediaException(file + ": cannot decode the " + header.format() + " image (corrupt or truncated)");
      }
      return img;
    }
  }

  /**
   * Encodes {@code bgr} (CV_8UC3) by {@code file}'s extension and puts it at {@code file} (parent directories
   * created) through a temporary file in the same directory; nothing is left at {@code file} or beside it when
   * this fails.
   */
  public static void write(Mat bgr, Path file) {
    String ext = extension(file);
    if (!EXTENSIONS.contains(ext)) {
      throw new MediaException(file + ": unsupported output format '." + ext + "' (use .png, .jpg, .jpeg or .webp)");
    }
    if (bgr.type() != CV_8UC3 || bgr.empty()) {
      throw new IllegalArgumentException("only non-empty 8-bit BGR images are written");
    }
    byte[] encoded;
    try (BytePointer out = new BytePointer()) {
      if (!imencode("." + ext, bgr, out)) {
        throw new MediaException(file + ": OpenCV could not encode the image as ." + ext);
      }
      encoded = new byte[(int) out.limit()];
      out.get(encoded);
    }
    AtomicFiles.write(file, encoded);
  }

  static String extension(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
