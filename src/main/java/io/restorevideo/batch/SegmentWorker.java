package io.restorevideo.batch;

import io.restorevideo.api.JobSummary;
import io.restorevideo.api.VideoJob;
import io.restorevideo.api.JobProgress;
import java.time.Duration;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Restores one segment into its part file: decodes from the keyframe before the warm-up, tracks the warm-up
 * frames unwritten, encodes the segment's frames with the batch's settings (closed GOP, video only). The
 * part appears under its name only when complete. One worker serves many segments, one at a time.
 */
public final class SegmentWorker {
  private final JobTemplate template;

  public SegmentWorker(JobTemplate template) {
    this.template = template;
  }

  /**
   * {@code fidelity}: the video's own {@code w} (a batch list line), or null for the batch's. Throws
   * {@link io.restorevideo.api.UserException} with one line naming the file when the segment fails. */
  public JobSummary restore(SegmentPlan plan, Double fidelity, Path part, Consumer<JobProgress> progress,
      Consumer<String> warnings) {
    VideoJob.Builder job = template.configure(VideoJob.builder(plan.input(), part.toString()), fidelity);
    return job.segment(plan.warmup(), plan.frames()).progress(progress, Duration.ofMillis(500)).warnings(warnings)
        .build().run();
  }
}
