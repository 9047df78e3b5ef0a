package io.restorevideo.batch;

import io.restorevideo.api.VideoJob;

/**
 * The settings every segment of a batch runs with: encoder options and the face stages, made from the
 * networks one worker has loaded (so each worker loads them once and reuses them for all its segments).
 * {@code fidelity} is the video's own {@code w} from a batch list line, or null for the batch's.
 */
@FunctionalInterface
public interface JobTemplate {
  VideoJob.Builder configure(VideoJob.Builder job, Double fidelity);
}
