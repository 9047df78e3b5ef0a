package io.restorevideo.cli.bench;

import io.restorevideo.bench.TrackingBenchmark;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.media.StillImages;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore-video bench tracking IMAGE --landmarks ...}: tracker error and jitter by keyframe interval. */
@Command(name = "tracking", mixinStandardHelpOptions = true,
    description = "Moves IMAGE along a known camera path (zoom, roll, pan), detects the face given by "
        + "--landmarks on keyframes with a detector that adds Gaussian noise to the true landmarks, carries it "
        + "with the real optical flow in between, and reports per --detect-every and --smoothing: detector calls "
        + "per frame, the alignment landmarks' error against the truth and their jitter (both over the "
        + "inter-ocular distance). Needs no model weights.")
final class BenchTrackingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "IMAGE", description = "A still picture with a face.")
  Path image;

  @Option(names = "--landmarks", paramLabel = "X,Y,...", required = true, split = ",",
      description = "The face's 5 landmarks in IMAGE (eyes, nose, mouth corners: 10 numbers), e.g. from "
          + "`restore-video detect IMAGE --json`.")
  float[] landmarks;

  @Option(names = "--frames", paramLabel = "N", defaultValue = "300", description = "Frames (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--fps", paramLabel = "F", defaultValue = "30", description = "Frame rate (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
      description = "Camera speed; 1 is handheld (about 2 px/frame pan at 512 px), 3 a quick move (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--noise", paramLabel = "S", defaultValue = "0.02",
      description = "The detector's landmark noise, standard deviation in inter-ocular distances (default: ${DEFAULT-VALUE}).")
  double noise;

  @Option(names = "--detect-every", paramLabel = "N,...", split = ",", defaultValue = "1,2,3,5,8,12,20",
      description = "Keyframe intervals to run (default: ${DEFAULT-VALUE}).")
  List<Integer> detectEvery;

  @Option(names = "--smoothing", paramLabel = "S,...", split = ",",
      defaultValue = "0," + TrackerOptions.DEFAULT_SMOOTHING,
      description = "Smoothing strengths to run with each interval (default: ${DEFAULT-VALUE}).")
  List<Double> smoothing;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the detector noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the result as one JSON object on stdout instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    if (landmarks.length != 10) {
      throw new ParameterException(spec.commandLine(), "--landmarks needs 10 numbers (5 points), got "
          + landmarks.length);
    }
    if (!(noise >= 0) || !(fps > 0)) {
      throw new ParameterException(spec.commandLine(), "--noise must be >= 0 and --fps > 0");
    }
    TrackingBenchmark.Report report;
    try (Mat picture = StillImages.read(image, StillImages.DEFAULT_MAX_PIXELS)) {
      report = TrackingBenchmark.run(image.toString(), picture, new Landmarks5(landmarks), frames, fps, speed, noise,
          detectEvery, smoothing, seed);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      BenchWeightsOptions.printJson(o, report);
      return 0;
    }
    o.printf(Locale.ROOT, "%s: %d frames at %.0f fps, camera speed %.1f, detector noise %.3f IOD%n", report.image(),
        report.frames(), report.fps(), report.speed(), report.noise());
    o.printf(Locale.ROOT, "%6s %9s %10s %9s %9s %9s %9s %10s %6s%n", "every", "smoothing", "det/frame",
        "err mean", "err p95", "err max", "jitter", "err jitter", "lost");
    for (TrackingBenchmark.Row r : report.rows()) {
      o.printf(Locale.ROOT, "%6d %9.2f %10.3f %9.4f %9.4f %9.4f %9.4f %10.4f %6d%n", r.detectEvery(),
          r.smoothing(), r.detectorCallsPerFrame(), r.meanError(), r.p95Error(), r.maxError(), r.jitter(),
          r.errorJitter(), r.lostFrames());
    }
    o.println("in inter-ocular distances; err: smoothed landmarks against the true ones; jitter: second "
        + "difference of the landmarks (camera motion included); err jitter: of the error alone");
    o.flush();
    return 0;
  }
}
