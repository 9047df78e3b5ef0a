package io.restorevideo.api;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.restorevideo.media.MediaException;
import io.restorevideo.media.StillImages;
import io.restorevideo.restore.FaceBatch;
import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerMode;
import io.restorevideo.nn.codeformer.CodeFormerRestorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores already cropped and aligned face images ({@code --has-aligned}), one file or a folder of them,
 * as the official {@code inference_codeformer.py --has_aligned}: each image is read as BGR, resized to
 * 512x512 with bilinear interpolation when it is not that size, restored, and written as PNG.
 *
 * <p>The mode picks the official script: restore (a gray input's face is made gray again, as
 * {@code add_restored_face}), colorize ({@code inference_colorization.py}) or inpaint
 * ({@code inference_inpainting.py}, which fills only the pure white pixels).
 */
public final class AlignedFaceJob {
  private static final Logger LOG = LoggerFactory.getLogger(AlignedFaceJob.class);

  /**
   * @param w fidelity weight in [0, 1]
   * @param device {@code cpu}, {@code gpu} or {@code gpu:N}
   * @param batchSize faces per network call
   * @param heads attention heads of the checkpoint (8 for the official one)
   * @param mode which official script's processing; its checkpoint must match
   */
  public record Settings(double w, String device, Precision precision, int batchSize, int heads,
      CodeFormerMode mode) {
    /** Restore mode. */
    public Settings(double w, String device, Precision precision, int batchSize, int heads) {
      this(w, device, precision, batchSize, heads, CodeFormerMode.RESTORE);
    }

    public Settings {
      if (mode == null) {
        throw new IllegalArgumentException("a CodeFormer mode is required");
      }
      try {
        CodeFormerMode.checkFidelity(w);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
      if (batchSize < 1) {
        throw new UserException("--batch-size " + batchSize + ": must be at least 1");
      }
    }
  }

  private AlignedFaceJob() {}

  /**
   * Restores {@code input} (an image, or a folder of images) into {@code output} with the checkpoint of the
   * settings' mode from {@code models}; returns the number of faces.
   */
  public static int run(Path input, Path output, ModelCache models, FaceSettings settings) {
    return run(input, output, models.path(settings.mode().role()), settings.alignedSettings());
  }

  /** Restores {@code input} (an image, or a folder of images) into {@code output}; returns the number of faces. */
  public static int run(Path input, Path output, Path weights, Settings s) {
    List<Path[]> jobs = plan(input, output);
    try (CodeFormerRestorer net = load(weights, s)) {
      FaceBatchRestorer restorer = restorer(net, s.mode());
      long t0 = System.nanoTime();
      for (int start = 0; start < jobs.size(); start += s.batchSize()) {
        List<Path[]> part = jobs.subList(start, Math.min(jobs.size(), start + s.batchSize()));
        List<Mat> faces = new ArrayList<>();
        for (Path[] job : part) {
          faces.add(readFace(job[0], s.mode()));
        }
        List<Mat> restored = FaceBatch.restoreAligned(restorer, faces, s.w());
        for (int i = 0; i < part.size(); i++) {
          write(restored.get(i), part.get(i)[1]);
          restored.get(i).close();
          faces.get(i).close();
        }
        LOG.info("restored {}/{} faces", start + part.size(), jobs.size());
      }
      LOG.info(String.format(Locale.ROOT, "%d faces in %.1f s", jobs.size(), (System.nanoTime() - t0) / 1e9));
    }
    return jobs.size();
  }

  /** The network as the restore room calls it, with the mode's gray rule. */
  private static FaceBatchRestorer restorer(CodeFormerRestorer net, CodeFormerMode mode) {
    return new FaceBatchRestorer() {
      @Override
      public List<Mat> restore(List<Mat> aligned, double fidelity) {
        return net.restore(aligned, fidelity);
      }

      @Override
      public boolean grayInputStaysGray() {
        return mode.grayInputStaysGray();
      }
    };
  }

  private static CodeFormerRestorer load(Path weights, Settings s) {
    try {
      return CodeFormerRestorer.load(weights, s.device(), s.precision(), s.heads(), s.mode());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** Pairs of (input image, output PNG): one for a file; one per image, by name, for a folder. */
  static List<Path[]> plan(Path input, Path output) {
    if (!Files.exists(input)) {
      throw new UserException(input + ": input not found");
    }
    if (!Files.isDirectory(input)) {
      return List.<Path[]>of(new Path[] {input, output});
    }
    List<Path> images;
    try (Stream<Path> files = Files.list(input)) {
      images = files.filter(p -> Files.isRegularFile(p) && StillImages.isImageName(p)).sorted().toList();
    } catch (IOException e) {
      throw new UserException(input + ": cannot list the folder (" + e.getMessage() + ")", e);
    }
    if (images.isEmpty()) {
      throw new UserException(input + ": no PNG, JPEG or WebP images in this folder");
    }
    try {
      Files.createDirectories(output);
    } catch (IOException e) {
      throw new UserException(output + ": cannot create the output folder (" + e.getMessage() + ")", e);
    }
    List<Path[]> jobs = new ArrayList<>();
    for (Path p : images) {
      String name = p.getFileName().toString();
      jobs.add(new Path[] {p, output.resolve(name.substring(0, name.lastIndexOf('.')) + ".png")});
    }
    return jobs;
  }

  /**
   * BGR 8-bit as cv2.imread(IMREAD_COLOR), through the project's one reader (pixel limit, minimum side), then
   * the official bilinear resize to 512x512 if needed.
   */
  static Mat readFace(Path file, CodeFormerMode mode) {
    Mat img;
    try {
      img = StillImages.read(file, StillImages.DEFAULT_MAX_PIXELS);
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    }
    int size = CodeFormerRestorer.FACE_SIZE;
    if (img.rows() == size && img.cols() == size) {
      return img;
    }
    if (!mode.resizesAlignedFaces()) {
      int w = img.cols();
      int h = img.rows();
      img.close();
      throw new UserException(file + ": " + w + "x" + h + " image; --mode " + mode.cliName()
          + " needs aligned faces of exactly 512x512, as the official script");
    }
    Mat resized = new Mat();
    try (img; Size target = new Size(size, size)) {
      resize(img, resized, target, 0, 0, INTER_LINEAR);
    }
    return resized;
  }

  /** Through a temporary name, so a failed write leaves nothing at {@code file}. */
  private static void write(Mat img, Path file) {
    try {
      StillImages.write(img, file);
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
