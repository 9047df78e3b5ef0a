package io.restorevideo.pipeline;

/** Called on the encoder thread about twice a second with frames written and the media time reached. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (frames, seconds) -> {};

  void progress(long frames, double mediaSeconds);

  /** Called once before the first frame with the input's duration in seconds (0 when unknown). */
  default void started(double totalSeconds) {}

  /** Called once before {@link #started} with the stages' busy-time counters, which fill as the job runs. */
  default void timings(java.util.List<StageTiming> timings) {}
}
