package io.restorevideo.api;

import java.util.List;
import java.util.Map;

/**
 * The result of a job, as {@code --json} prints it: input and output streams, frames written, wall seconds,
 * frames per second, busy seconds per stage, and the warnings raised (also logged as they happened).
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
    List<String> warnings) {
  public JobSummary {
    inputStreams = List.copyOf(inputStreams);
    outputStreams = List.copyOf(outputStreams);
    stageSeconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageSeconds));
    warnings = List.copyOf(warnings);
  }
}
