package io.restorevideo.api;

import java.util.Map;

/**
 * Where a running video job stands, reported at a steady rate (see {@link VideoJob.Builder#progress}).
 *
 * @param frames frames written so far
 * @param totalFrames frames the job will write, or -1 when unknown (a pipe, no duration)
 * @param mediaSeconds media time written so far
 * @param totalSeconds media time the job will write, or 0 when unknown
 * @param fps frames written per wall-clock second since the start
 * @param faces faces restored so far, or -1 without face stages
 * @param busy each stage's busy time as a share of the wall time so far (decode, the stages, encode), in
 *     ring order: the stage nearest 1.0 limits the speed
 * @param etaSeconds estimated seconds left, or -1 when unknown
 * @param done true on the last report of a job that finished
 */
public record JobProgress(long frames, long totalFrames, double mediaSeconds, double totalSeconds, double fps,
    long faces, Map<String, Double> busy, double etaSeconds, boolean done) {
  public JobProgress {
    busy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(busy));
  }
}
