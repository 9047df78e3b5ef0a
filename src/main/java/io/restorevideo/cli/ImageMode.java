package io.restorevideo.cli;

import io.restorevideo.cli.options.FaceOptions;
import io.restorevideo.cli.options.ImageOptions;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.api.FaceModels;
import io.restorevideo.api.FolderResult;
import io.restorevideo.api.FrameOptions;
import io.restorevideo.api.ImageRestorer;
import io.restorevideo.api.ImageResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The restore command on still images: an INPUT that is an image file or a folder (without
 * {@code --has-aligned}, {@link io.restorevideo.api.InputKind#STILLS}) goes through {@link ImageRestorer} with the real networks of {@link FaceModels}.
 * Warnings and failures are printed one line each on stderr; with {@code --json} a report goes to stdout.
 */
final class ImageMode {
  private final FaceOptions face;
  private final ImageOptions image;
  private final ModelOptions models;
  private final PrintWriter out;
  private final PrintWriter err;

  ImageMode(FaceOptions face, ImageOptions image, ModelOptions models, PrintWriter out, PrintWriter err) {
    this.face = face;
    this.image = image;
    this.models = models;
    this.out = out;
    this.err = err;
  }

  /** Restores {@code input} into {@code output}; returns the exit code (1 when any image of a folder failed). */
  int run(Path input, Path output, boolean json) {
    return withRestorer(restorer -> {
      if (!Files.isDirectory(input)) {
        ImageResult r = restorer.restoreFile(input, output);
        warn(r);
        print(json, ImageReport.json(r));
        return 0;
      }
      FolderResult folder = restorer.restoreFolder(input, output, new ImageRestorer.FolderListener() {
        @Override
        public void restored(ImageResult result) {
          warn(result);
        }

        @Override
        public void failed(FolderResult.Failure failure) {
          err.println("restore-video: " + failure.message());
          err.flush();
        }
      });
      print(json, ImageReport.json(folder));
      if (folder.failures().isEmpty()) {
        return 0;
      }
      err.println("restore-video: " + input + ": " + folder.failures().size() + " of " + folder.images()
          + " images failed (named above); the others were written to " + output);
      err.flush();
      return 1;
    });
  }

  /** Runs {@code work} with a still-image restorer of these options; the networks load once, before it. */
  <T> T withRestorer(Function<ImageRestorer, T> work) {
    FrameOptions options = image.options(face.fidelity);
    try (FaceModels nets = new FaceModels(models.checkedCache(), settings(options), face::announceDevice);
        ImageRestorer restorer = image.applyTo(ImageRestorer.builder(), face.fidelity).networks(nets, options)
            .build()) {
      return work.apply(restorer);
    }
  }

  /**
   * {@code --batch-size} caps the faces per network call for images too: the faces of one image are gathered
   * into one restore step, but a crowd photo's dozens of faces in one call would need gigabytes.
   */
  private FaceModels.Settings settings(FrameOptions options) {
    return face.settings().modelSettings(options.detectorThreshold(), image.bgTile());
  }

  private void warn(ImageResult r) {
    for (String w : r.warnings()) {
      err.println("restore-video: warning: " + w);
    }
    err.flush();
  }

  private void print(boolean json, String report) {
    if (json) {
      out.println(report);
      out.flush();
    }
  }
}
