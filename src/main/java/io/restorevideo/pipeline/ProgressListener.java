package io.restorevideo.pipeline;

/** Called on the encoder thread about twice a second with frames written and the media time reached. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (frames, seconds) -> {};

  void progress(long frames, double mediaSeconds);

  /** Called once before the first frame with the input's duration in seconds (0 when unknown). */
  default void started(double totalSeconds) {}
}
