package io.restorevideo.pipeline;

import java.util.List;

/**
 * What a run did: frames encoded, wall seconds, media seconds reached, why the input ended early (null when
 * it did not), and busy time per stage (decode first, encode last).
 */
public record PipelineResult(long frames, double wallSeconds, double mediaSeconds, String incompleteReason,
    List<StageTiming> timings) {
  public double fps() {
    return wallSeconds > 0 ? frames / wallSeconds : 0;
  }
}
