package io.restorevideo.api;

import com.google.gson.GsonBuilder;
import io.restorevideo.face.detect.DetectionDecoder;
import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.media.MediaException;
import io.restorevideo.metrics.DetectedRegions;
import io.restorevideo.metrics.DiffRegions;
import io.restorevideo.metrics.FaceRegions;
import io.restorevideo.metrics.StabilityMeter;
import io.restorevideo.metrics.StabilityPlot;
import io.restorevideo.metrics.StabilityReport;
import io.restorevideo.metrics.StreamCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * How stable a restored video is, measured against its input (with no network unless a face detector's
 * weights are given): warping error, flicker, PSNR
 * and SSIM against a clean reference, stream checks, and optionally a plot.
 *
 * <pre>{@code
 * StabilityMetrics.Result r = StabilityMetrics.builder("in.mp4", "out.mp4").reference("clean.mp4").run();
 * System.out.println(r.json());
 * }</pre>
 */
public final class StabilityMetrics {
  private final Builder b;

  private StabilityMetrics(Builder b) {
    this.b = b;
  }

  public static Builder builder(String input, String output) {
    return new Builder(input, output);
  }

  /** Measures; a file that cannot be read is a {@link UserException} naming it. */
  public Result run() {
    try {
      StabilityReport report = StabilityMeter.measure(b.input, b.output, b.reference, regions(),
          b.progress::accept);
      if (report.frames() == 0) {
        throw new UserException(b.output + ": no video frame to compare");
      }
      if (b.plot != null) {
        StabilityPlot.write(report, b.plot);
      }
      return new Result(report);
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    } catch (UserException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UserException(b.output + ": " + e.getMessage(), e);
    }
  }

  /**
   * The detector's faces when {@link Builder#models} has its weights without a download (the user's own file
   * or a cached model), else the regions where the output differs from the input.
   */
  private FaceRegions regions() {
    Path weights = b.models == null ? null : b.models.detectorIfPresent();
    if (weights == null) {
      return new DiffRegions();
    }
    return new DetectedRegions(HelperDetection.official(RetinaFaceDetector.load(weights,
        DetectionDecoder.DEFAULT_CONF_THRESHOLD, DetectionDecoder.DEFAULT_NMS_THRESHOLD), false),
        weights.getFileName().toString());
  }

  /** What was measured: the report, as JSON or as lines for a person. */
  public static final class Result {
    private final StabilityReport report;

    Result(StabilityReport report) {
      this.report = report;
    }

    public StabilityReport report() {
      return report;
    }

    /** The output's warping error over the input's on the face regions (null without face regions). */
    public Double excessFaceWarping() {
      return report.faceWarping().excess();
    }

    /**
     * What in the output's streams differs from the input's (frame count, timestamps, audio and other packets),
     * in one line; null when they are the same.
     */
    public String streamProblem() {
      return report.streams().problem();
    }

    public String json() {
      return new GsonBuilder().setPrettyPrinting().create().toJson(report);
    }

    /** A short summary, one figure per line. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(String.format(Locale.ROOT, "%d frames; face regions: %s, %d tracks", report.frames(),
          report.regions(), report.tracks().size()));
      out.add(triple("warping error, whole frame", report.warping()));
      out.add(triple("warping error, faces", report.faceWarping()));
      out.add(triple("flicker (luminance), faces", report.flicker()));
      if (report.jitter() != null) {
        out.add(String.format(Locale.ROOT, "landmark jitter of the output: %.4f (of the eye distance)",
            report.jitter()));
      }
      for (StabilityReport.TrackFigures t : report.tracks()) {
        out.add(String.format(Locale.ROOT, "  track %d (%d frames): output %.3f, input %.3f, excess %+.3f",
            t.track(), t.frames(), t.warping(), t.inputWarping(), t.excess()));
      }
      if (report.suspectFrame() >= 0) {
        out.add(String.format(Locale.ROOT, "most suspect frame: %d (excess %+.3f into and out of it)",
            report.suspectFrame(), report.suspectExcess()));
      }
      StabilityReport.Quality q = report.quality();
      if (q != null) {
        out.add(String.format(Locale.ROOT, "PSNR %s dB (faces %s, input %s); SSIM %s (faces %s)", f(q.psnr()),
            f(q.facePsnr()), f(q.inputPsnr()), f(q.ssim()), f(q.faceSsim())));
      }
      StreamCheck s = report.streams();
      out.add(String.format(Locale.ROOT, "streams: %s: %d frames (input %d)%s", s.ok() ? "same" : "DIFFERENT",
          s.outputFrames(), s.inputFrames(), s.firstTimeMismatch() >= 0 ? ", timestamps differ from frame "
              + s.firstTimeMismatch() : ", timestamps equal"));
      for (StreamCheck.Packets p : s.packets()) {
        out.add(String.format(Locale.ROOT, "  stream %d %s: %d packets (input %d), %s", p.stream(), p.type(),
            p.outputPackets(), p.inputPackets(), p.identical() ? "identical" : "DIFFERENT"));
      }
      return out;
    }

    private static String triple(String name, StabilityReport.Triple t) {
      return String.format(Locale.ROOT, "%s: output %s, input %s, excess %s", name, f(t.output()), f(t.input()),
          t.excess() == null ? "-" : String.format(Locale.ROOT, "%+.3f", t.excess()));
    }

    private static String f(Double v) {
      return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
  }

  /** Options of a measurement. */
  public static final class Builder {
    private final String input;
    private final String output;
    private String reference;
    private ModelCache models;
    private Path plot;
    private LongConsumer progress = frame -> {};

    private Builder(String input, String output) {
      this.input = Objects.requireNonNull(input, "input");
      this.output = Objects.requireNonNull(output, "output");
    }

    /** The clean clip the output should equal (for PSNR and SSIM); null for none. */
    public Builder reference(String reference) {
      this.reference = reference;
      return this;
    }

    /**
     * Where a face detector's weights may be (never downloaded here): with them the faces are found by the
     * detector on the output, tracked, and their landmark jitter measured; null (the default) or no weights:
     * the face regions are where the output differs from the input.
     */
    public Builder models(ModelCache models) {
      this.models = models;
      return this;
    }

    /** Where to write the PNG plot; null for none. */
    public Builder plot(Path plot) {
      this.plot = plot;
      return this;
    }

    /** Receives the index of each frame measured. */
    public Builder progress(LongConsumer progress) {
      this.progress = Objects.requireNonNull(progress);
      return this;
    }

    public StabilityMetrics build() {
      if (plot != null && !plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
        throw new IllegalArgumentException("--plot " + plot + ": the plot is a PNG, name it .png");
      }
      return new StabilityMetrics(this);
    }
  }
}
