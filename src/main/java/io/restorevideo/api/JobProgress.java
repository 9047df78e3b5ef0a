package io.restorevideo.api;

import io.restorevideo.pipeline.ProgressListener;

/**
 * Hears a video job's progress: {@link #started(double)} once with the input's duration, then
 * {@link #progress(long, double)} about twice a second on the encoder thread with the frames written and the
 * media time reached. The library's name for the pipeline's listener, so that callers need only this package.
 */
public interface JobProgress extends ProgressListener {}
