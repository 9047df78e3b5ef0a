package io.restorevideo.batch;

import java.util.List;

/** The outcome of a batch, as the table and {@code --json} show it. */
public record BatchReport(String outdir, List<VideoOutcome> videos, int done, int upToDate, int failed,
    int segmentsRun, int segmentsReused, double seconds) {
  public BatchReport {
    videos = List.copyOf(videos);
  }

  static BatchReport of(String outdir, List<VideoOutcome> videos, int segmentsRun, double seconds) {
    int done = 0;
    int upToDate = 0;
    int failed = 0;
    int reused = 0;
    for (VideoOutcome v : videos) {
      switch (v.state()) {
        case DONE -> done++;
        case UP_TO_DATE -> upToDate++;
        case FAILED -> failed++;
      }
      reused += v.segmentsReused();
    }
    return new BatchReport(outdir, videos, done, upToDate, failed, segmentsRun, reused, seconds);
  }
}
