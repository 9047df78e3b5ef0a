package io.restorevideo.api;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.StillImages;
import io.restorevideo.restore.BackgroundUpsampler;
import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FaceMasker;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.restore.FrameResult;
import io.restorevideo.restore.RestoredFace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores the faces of still images, file to file, as {@code inference_codeformer.py} does for a photo or a
 * folder of photos. Every face of an image goes to the network in one batch. An image without a face is
 * written upscaled, with a warning. With {@link Builder#saveFaces} the aligned and restored crops are also
 * written as the official script names them ({@code cropped_faces/NAME_00.png}, {@code restored_faces/NAME_00.png}).
 * Inputs are never modified; every output goes to a temporary name and is renamed when complete.
 */
public final class ImageRestorer implements AutoCloseable {
  /** Inputs with more pixels than this are refused before decoding, unless {@link Builder#maxPixels} says else. */
  public static final long DEFAULT_MAX_PIXELS = StillImages.DEFAULT_MAX_PIXELS;

  private static final Logger LOG = LoggerFactory.getLogger(ImageRestorer.class);

  private final FrameFaceRestorer frames;
  private final Path saveFaces;
  private final long maxPixels;

  private ImageRestorer(Builder b) {
    this.frames = new FrameFaceRestorer(b.options, b.detector, b.restorer, b.masker, b.upsampler);
    this.saveFaces = b.saveFaces;
    this.maxPixels = b.maxPixels;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Restores {@code in} into {@code out} (PNG, JPEG or WebP by its extension). */
  public ImageResult restoreFile(Path in, Path out) {
    checkDistinct(in, out);
    if (!StillImages.isImageName(out)) {
      throw new UserException(out + ": unsupported output format (use .png, .jpg, .jpeg or .webp)");
    }
    try (Mat image = StillImages.read(in, maxPixels); FrameResult result = frames.process(image)) {
      List<String> warnings = new ArrayList<>();
      if (result.faces().isEmpty()) {
        String w = in + ": no face found; the output is the input upscaled";
        // The caller shows the result's warnings; logging it too would print it twice.
        LOG.debug(w);
        warnings.add(w);
      }
      if (saveFaces != null) {
        writeFaces(baseName(in), result.faces());
      }
      StillImages.write(result.output(), out);
      return new ImageResult(in, out, result.output().cols(), result.output().rows(), boxes(result), result.gray(),
          warnings);
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /**
   * Restores every PNG, JPEG and WebP file directly in {@code inDir} (by name order) into a file of the same
   * name in {@code outDir}; other files are ignored. An image that cannot be read or written is reported to
   * {@code listener} and skipped, so one bad file does not cost the rest of an archive; any other failure (a
   * network error, out of memory) stops the folder.
   */
  public FolderResult restoreFolder(Path inDir, Path outDir, FolderListener listener) {
    if (!Files.isDirectory(inDir)) {
      throw new UserException(inDir + ": not a folder");
    }
    checkDistinct(inDir, outDir);
    List<Path> images = imagesIn(inDir);
    if (images.isEmpty()) {
      throw new UserException(inDir + ": no PNG, JPEG or WebP images in this folder");
    }
    List<ImageResult> results = new ArrayList<>();
    List<FolderResult.Failure> failures = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      Path in = images.get(i);
      LOG.info("[{}/{}] {}", i + 1, images.size(), in.getFileName());
      try {
        ImageResult r = restoreFile(in, outDir.resolve(in.getFileName().toString()));
        results.add(r);
        listener.restored(r);
      } catch (UserException e) {
        FolderResult.Failure f = new FolderResult.Failure(in, e.getMessage());
        failures.add(f);
        listener.failed(f);
      }
    }
    return new FolderResult(results, failures);
  }

  /** {@link #restoreFolder(Path, Path, FolderListener)} without a listener. */
  public FolderResult restoreFolder(Path inDir, Path outDir) {
    return restoreFolder(inDir, outDir, new FolderListener() {});
  }

  /** Hears about each image of a folder as it is done. */
  public interface FolderListener {
    default void restored(ImageResult result) {}

    default void failed(FolderResult.Failure failure) {}
  }

  private static List<Path> imagesIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).filter(StillImages::isImageName).sorted().toList();
    } catch (IOException e) {
      throw new UserException(dir + ": cannot list (" + e.getMessage() + ")", e);
    }
  }

  /** Writing onto the input would modify it, which this tool never does. */
  private static void checkDistinct(Path in, Path out) {
    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new UserException(out + ": output is the input; choose another output path");
    }
  }

  private void writeFaces(String base, List<RestoredFace> faces) {
    for (int i = 0; i < faces.size(); i++) {
      String name = String.format("%s_%02d.png", base, i);
      StillImages.write(faces.get(i).aligned().crop(), saveFaces.resolve("cropped_faces").resolve(name));
      StillImages.write(faces.get(i).restored(), saveFaces.resolve("restored_faces").resolve(name));
    }
  }

  private static String baseName(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  /** The output's size over the input's. */
  int upscale() {
    return frames.options().upscale();
  }

  /** Restores the faces of one picture (8-bit BGR, not modified); the caller closes the result. */
  FrameResult restoreFrame(Mat bgr) {
    return frames.process(bgr);
  }

  /** Boxes in the input file's pixels (detection ran on the read_image-enlarged copy). */
  static List<ImageResult.Face> boxes(FrameResult result) {
    List<ImageResult.Face> out = new ArrayList<>();
    for (RestoredFace f : result.faces()) {
      DetectedFace d = f.detection().unscaled(result.inputScale());
      out.add(new ImageResult.Face(d.x1(), d.y1(), d.x2(), d.y2(), d.score()));
    }
    return out;
  }

  @Override
  public void close() {
    frames.close();
  }

  /** The options and the models; the restorer and the detector are required, the rest optional. */
  public static final class Builder {
    private FaceRestoreOptions options = FaceRestoreOptions.defaults();
    private FaceDetector detector;
    private FaceBatchRestorer restorer;
    private FaceMasker masker;
    private BackgroundUpsampler upsampler;
    private Path saveFaces;
    private long maxPixels = DEFAULT_MAX_PIXELS;

    private Builder() {}

    public Builder options(FaceRestoreOptions options) {
      this.options = options;
      return this;
    }

    public Builder options(FrameOptions options) {
      return options(options.restoreOptions());
    }

    /**
     * These options with the networks of {@code models} that they need: the detector and CodeFormer, ParseNet
     * when the options parse, Real-ESRGAN when they upsample the background or the faces. The networks load
     * now, so a missing or wrong weights file fails before any output exists.
     */
    public Builder networks(FaceModels models, FrameOptions frame) {
      options(frame.restoreOptions());
      try {
        detector(models.detector()).restorer(models.restorer());
        if (frame.parse()) {
          masker(models.masker());
        }
        if (frame.needsUpsampler()) {
          upsampler(models.upsampler());
        }
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), e);
      }
      return this;
    }

    /** The raw face detector (RetinaFace); the helper's resize and filters are applied around it. */
    public Builder detector(FaceDetector detector) {
      this.detector = detector;
      return this;
    }

    public Builder restorer(FaceBatchRestorer restorer) {
      this.restorer = restorer;
      return this;
    }

    /** Required unless parsing is off in the options. */
    public Builder masker(FaceMasker masker) {
      this.masker = masker;
      return this;
    }

    public Builder upsampler(BackgroundUpsampler upsampler) {
      this.upsampler = upsampler;
      return this;
    }

    /** Also write each image's aligned and restored faces under this folder (null: do not). */
    public Builder saveFaces(Path dir) {
      this.saveFaces = dir;
      return this;
    }

    /** Refuse inputs whose header declares more pixels than this. */
    public Builder maxPixels(long maxPixels) {
      if (maxPixels < 1) {
        throw new IllegalArgumentException("max pixels must be >= 1, got " + maxPixels);
      }
      this.maxPixels = maxPixels;
      return this;
    }

    public ImageRestorer build() {
      if (detector == null) {
        throw new IllegalArgumentException("a face detector is required");
      }
      return new ImageRestorer(this);
    }
  }
}
