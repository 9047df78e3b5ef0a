package io.restorevideo.batch;

import io.restorevideo.media.FrameRange;

/**
 * One unit of work: segment {@code index} of {@code input}, the frames it writes (starting on a keyframe)
 * and the frames just before them that warm the tracker up (decoded and tracked, not written; empty for
 * the first segment). Pure data.
 */
public record SegmentPlan(String input, int index, FrameRange frames, FrameRange warmup)
    implements java.io.Serializable {
  public int warmupFrames() {
    return (int) warmup.frames();
  }
}
