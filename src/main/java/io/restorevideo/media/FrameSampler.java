package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_UNSPECIFIED;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes a few frames of a video at given times, seeking to each (or decoding forward where the input
 * cannot seek), for a preview: a handful of frames without the streaming pipeline.
 */
public final class FrameSampler {
  /** A sampled frame: its time from the video's start and its pixels (8-bit BGR; the caller closes it). */
  public record Sample(double seconds, Mat bgr) {}

  private FrameSampler() {}

  /** {@code n} times spread evenly over {@code durationSeconds}: the middles of n equal parts. */
  public static List<Double> spread(double durationSeconds, int n) {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      times.add((i + 0.5) * durationSeconds / n);
    }
    return times;
  }

  /**
   * For each time (seconds from the video's start, ascending), the first frame at or after it. A time past
   * the last frame is a {@link MediaException} naming it.
   */
  public static List<Sample> at(MediaInput in, List<Double> times) {
    List<Sample> out = new ArrayList<>();
    AVFrame frame = av_frame_alloc();
    int colorSpace = in.videoStream().codecpar().color_space();
    int colorRange = in.videoStream().codecpar().color_range();
    MediaInput.PacketSink ignore = (p, st) -> {};
    try (FrameConverter converter = new FrameConverter()) {
      for (double t : times) {
        in.seek(t);
        Sample found = null;
        while (found == null && in.nextFrame(frame, ignore)) {
          double s = in.seconds(frame.pts());
          if (s >= t - 0.0005) {
            int range = frame.color_range() != AVCOL_RANGE_UNSPECIFIED ? frame.color_range() : colorRange;
            found = new Sample(s, converter.toBgr(frame, colorSpace, range));
          }
        }
        if (found == null) {
          out.forEach(x -> x.bgr().close());
          throw new MediaException(in.name() + ": no video frame at or after " + t + " s (the video ends before)");
        }
        out.add(found);
      }
      return out;
    } finally {
      av_frame_free(frame);
    }
  }
}
