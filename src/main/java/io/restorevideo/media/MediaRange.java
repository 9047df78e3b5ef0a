package io.restorevideo.media;

import java.util.Locale;

/**
 * A part of a video: from a start time, for a duration and/or a number of frames, whichever ends first.
 * Times are seconds from the start of the video stream; {@link #ALL} is the whole video. Immutable.
 *
 * <pre>{@code
 * MediaRange.ALL.from(60).lasting(10);   // 10 s from 1:00
 * MediaRange.ALL.frames(250);            // the first 250 frames
 * }</pre>
 */
public record MediaRange(double startSeconds, double durationSeconds, long maxFrames) {
  /** The whole video. */
  public static final MediaRange ALL = new MediaRange(0, Double.POSITIVE_INFINITY, Long.MAX_VALUE);

  public MediaRange {
    if (!(startSeconds >= 0) || Double.isInfinite(startSeconds)) {
      throw new IllegalArgumentException("range start must be a time >= 0 s, got " + startSeconds);
    }
    if (!(durationSeconds > 0)) {
      throw new IllegalArgumentException("range duration must be > 0 s, got " + durationSeconds);
    }
    if (maxFrames < 1) {
      throw new IllegalArgumentException("range frame count must be >= 1, got " + maxFrames);
    }
  }

  /** This range starting at {@code seconds}. */
  public MediaRange from(double seconds) {
    return new MediaRange(seconds, durationSeconds, maxFrames);
  }

  /** This range lasting at most {@code seconds}. */
  public MediaRange lasting(double seconds) {
    return new MediaRange(startSeconds, seconds, maxFrames);
  }

  /** This range holding at most {@code count} frames. */
  public MediaRange frames(long count) {
    return new MediaRange(startSeconds, durationSeconds, count);
  }

  public boolean isAll() {
    return equals(ALL);
  }

  /** Where the range ends in time (infinite when only the frame count or the video's end bounds it). */
  public double endSeconds() {
    return startSeconds + durationSeconds;
  }

  /** True when a frame at {@code seconds} comes before the range. */
  public boolean before(double seconds) {
    return seconds < startSeconds - TOLERANCE;
  }

  /** True when a frame at {@code seconds}, after {@code framesTaken} frames of the range, is past its end. */
  public boolean after(double seconds, long framesTaken) {
    return framesTaken >= maxFrames || seconds >= endSeconds() - TOLERANCE;
  }

  /** The length in seconds of the range over a video of {@code videoSeconds} (0: unknown). */
  public double secondsOf(double videoSeconds, double frameSeconds) {
    double end = Math.min(endSeconds(), videoSeconds > 0 ? videoSeconds : Double.POSITIVE_INFINITY);
    if (maxFrames != Long.MAX_VALUE && frameSeconds > 0) {
      end = Math.min(end, startSeconds + maxFrames * frameSeconds);
    }
    return Double.isInfinite(end) ? 0 : Math.max(0, end - startSeconds);
  }

  /** Half a millisecond: a frame at 0.9999999 s after rounding is at 1 s. */
  private static final double TOLERANCE = 0.0005;

  @Override
  public String toString() {
    if (isAll()) {
      return "all";
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "from %.3f s", startSeconds));
    if (!Double.isInfinite(durationSeconds)) {
      sb.append(String.format(Locale.ROOT, " for %.3f s", durationSeconds));
    }
    if (maxFrames != Long.MAX_VALUE) {
      sb.append(", at most ").append(maxFrames).append(" frames");
    }
    return sb.toString();
  }
}
