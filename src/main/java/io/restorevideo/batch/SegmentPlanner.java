package io.restorevideo.batch;

import io.restorevideo.media.FrameRange;
import io.restorevideo.media.VideoIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a video into segments of about {@code seconds} that start on keyframes, so each can be decoded on its
 * own and its frames are exactly those a whole run decodes there. A segment ends where the next begins; the
 * last runs to the end of the stream. Without timestamps (or {@code seconds <= 0}) the video is one segment.
 */
public final class SegmentPlanner {
  private SegmentPlanner() {}

  public static List<SegmentPlan> plan(String input, VideoIndex index, double seconds, int warmupFrames) {
    int n = index.frames();
    long[] pts = index.pts();
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    if (seconds > 0 && index.timestamped() && n > 0) {
      double next = pts[0] * index.timeBaseSeconds() + seconds;
      for (int i = 1; i < n; i++) {
        if (index.keyframe()[i] && pts[i] * index.timeBaseSeconds() >= next - 1e-9) {
          starts.add(i);
          next = pts[i] * index.timeBaseSeconds() + seconds;
        }
      }
    }
    List<SegmentPlan> plans = new ArrayList<>();
    for (int s = 0; s < starts.size(); s++) {
      int first = starts.get(s);
      boolean last = s + 1 == starts.size();
      int end = last ? n : starts.get(s + 1);
      long startPts = n == 0 ? 0 : pts[first];
      FrameRange frames = new FrameRange(first, end, first == 0 ? Long.MIN_VALUE : startPts,
          last ? Long.MAX_VALUE : pts[end]);
      int w = Math.min(first, Math.max(0, warmupFrames));
      FrameRange warmup = new FrameRange(first - w, first, w == 0 ? startPts : pts[first - w], startPts);
      plans.add(new SegmentPlan(input, s, frames, warmup));
    }
    return plans;
  }
}
