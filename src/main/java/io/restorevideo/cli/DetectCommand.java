package io.restorevideo.cli;

import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.DetectionDecoder;
import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.face.detect.InputUpsizer;
import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.media.StillImages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restore-video detect IMAGE}: the official helper's face detection on one image (upsizing below 512 px,
 * RetinaFace on the copy with short side 640, eye distance at least 5 px), printed in the image's own pixels
 * with the detector's raw confidences.
 */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = "Detects faces in an image as the official CodeFormer helper does and prints each face's box, "
        + "raw confidence and 5 landmarks (left eye, right eye, nose, left and right mouth corner) in the "
        + "image's pixels.")
public final class DetectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IMAGE", description = "Image file (any format OpenCV reads: jpg, png, webp, ...).")
  Path image;

  @Option(names = "--json", description = "Print the result as JSON (image, width, height, faces[box, score, landmarks]).")
  boolean json;

  @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.8",
      description = "Confidence threshold: faces scoring above T are kept (default: ${DEFAULT-VALUE}, the official value).")
  float threshold;

  @Mixin ModelOptions models;

  @Override
  public Integer call() {
    if (!(threshold >= 0 && threshold < 1)) {
      throw new ParameterException(spec.commandLine(), "--threshold must be in [0, 1), got " + threshold);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Mat original = StillImages.read(image, StillImages.DEFAULT_MAX_PIXELS)) {
      Path weights = models.resolver().path("detector");
      List<DetectedFace> faces;
      double f = InputUpsizer.factor(original.cols(), original.rows());
      try (Mat input = InputUpsizer.upsizeIfSmall(original);
          HelperDetection detector = HelperDetection.official(
              RetinaFaceDetector.load(weights, threshold, DetectionDecoder.DEFAULT_NMS_THRESHOLD), false)) {
        faces = toOriginal(detector.detect(input), f);
      }
      String name = image.toString();
      out.print(json ? DetectionReport.json(name, original.cols(), original.rows(), faces) + System.lineSeparator()
          : DetectionReport.text(name, original.cols(), original.rows(), faces));
      out.flush();
    }
    return 0;
  }

  /** The helper detects on the enlarged image; the user gets coordinates in the file's pixels. */
  private static List<DetectedFace> toOriginal(List<DetectedFace> faces, double factor) {
    if (factor == 1.0) {
      return faces;
    }
    float s = (float) factor;
    List<DetectedFace> out = new ArrayList<>(faces.size());
    for (DetectedFace d : faces) {
      out.add(new DetectedFace(d.x1() / s, d.y1() / s, d.x2() / s, d.y2() / s, d.score(),
          d.landmarks().scaled(1 / factor)));
    }
    return out;
  }
}
