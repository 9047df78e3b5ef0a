package io.restorevideo.api;

import com.google.gson.GsonBuilder;
import io.restorevideo.media.AtomicFiles;
import io.restorevideo.media.MediaException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The result of a job, as {@code --json} prints it: input and output streams, frames written, wall seconds,
 * frames per second, busy seconds per stage, the warnings raised (also logged as they happened), and for a
 * job with face restoration its {@link FaceSummary} (null, and absent from the JSON, without).
 */
public record JobSummary(
    String input,
    String output,
    List<String> inputStreams,
    List<String> outputStreams,
    long frames,
    double seconds,
    double fps,
    Map<String, Double> stageSeconds,
    List<String> warnings,
    FaceSummary faces) {
  /** The summary as the pretty-printed JSON object that {@code --json} prints. */
  public String toJson() {
    return new GsonBuilder().setPrettyPrinting().create().toJson(this);
  }

  /** Writes {@link #toJson} to {@code file} (complete or not at all). */
  public void writeJson(Path file) {
    try {
      AtomicFiles.write(file, (toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  public JobSummary {
    inputStreams = List.copyOf(inputStreams);
    outputStreams = List.copyOf(outputStreams);
    stageSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageSeconds));
    warnings = List.copyOf(warnings);
  }

  /**
   * What the face stages did: faces restored, face tracks started, keyframes (detector runs), network
   * batches, and the landmark jitter (mean second difference of the alignment landmarks over the
   * inter-ocular distance) of the landmarks used for alignment and of the same landmarks before smoothing.
   */
  public record FaceSummary(long facesRestored, long framesWithFaces, int tracks, long keyframes, long batches,
      double jitter, double jitterUnsmoothed) {
    /** The counters of finished face stages. */
    public static FaceSummary of(io.restorevideo.pipeline.FaceStats s) {
      return new FaceSummary(s.facesRestored(), s.framesWithFaces(), s.tracks(), s.keyframes(), s.batches(),
          s.jitter(), s.jitterUnsmoothed());
    }
  }
}
