package io.restorevideo.cli;

import io.restorevideo.api.FaceDetection;
import io.restorevideo.cli.options.ModelOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code restore-video detect IMAGE}: the official helper's face detection on one image
 * ({@link FaceDetection}), printed in the image's own pixels with the detector's raw confidences.
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

  @Option(names = "--threshold", paramLabel = "T", defaultValue = "" + FaceDetection.DEFAULT_THRESHOLD,
      description = "Confidence threshold: faces scoring above T are kept (default: ${DEFAULT-VALUE}, the official value).")
  float threshold;

  @Mixin ModelOptions models;

  @Override
  public Integer call() {
    try {
      FaceDetection.checkThreshold(threshold);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    FaceDetection.Result found = FaceDetection.detect(image, models.checkedCache(), threshold);
    String name = image.toString();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? DetectionReport.json(name, found) + System.lineSeparator() : DetectionReport.text(name, found));
    out.flush();
    return 0;
  }
}
