package io.restorevideo.media;

/**
 * Frames {@code [first, end)} of a video stream, numbered from 0 in presentation order, with the pts (in the
 * stream's time base) of frame {@code first} and of frame {@code end}; {@code endPts} is
 * {@link Long#MAX_VALUE} for a range that runs to the end of the stream. Frame numbers say how many frames
 * a range must yield; the pts find them again after a seek, whatever the codec's decode order.
 */
public record FrameRange(long first, long end, long startPts, long endPts) implements java.io.Serializable {
  public FrameRange {
    if (first < 0 || end < first) {
      throw new IllegalArgumentException("bad frame range [" + first + ", " + end + ")");
    }
  }

  public long frames() {
    return end - first;
  }

  /** True when a frame of this pts belongs to the range. */
  public boolean contains(long pts) {
    return pts >= startPts && pts < endPts;
  }
}
