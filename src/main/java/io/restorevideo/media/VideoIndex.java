package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;

/**
 * The frames of a video stream in presentation order, read from the packets alone (no decoding): each
 * frame's pts and whether it is a keyframe (a point where decoding can start). Planning segments needs
 * this; reading a two-hour film's packets takes seconds.
 *
 * @param pts every frame's pts in the stream's time base, ascending
 * @param keyframe whether the frame of that pts is a keyframe
 * @param timeBaseSeconds seconds per pts unit
 * @param timestamped false when some packet had no pts (then the index cannot place cuts)
 */
public record VideoIndex(long[] pts, boolean[] keyframe, double timeBaseSeconds, boolean timestamped) {
  public int frames() {
    return pts.length;
  }

  /** Reads the packets of the main video stream of {@code input}. */
  public static VideoIndex scan(String input) {
    try (MediaInput in = MediaInput.open(input)) {
      AVStream video = in.videoStream();
      AVPacket p = av_packet_alloc();
      long[] pts = new long[1024];
      boolean[] key = new boolean[1024];
      int n = 0;
      boolean timestamped = true;
      try {
        while (av_read_frame(in.context(), p) >= 0) {
          if (p.stream_index() == video.index()) {
            if (n == pts.length) {
              pts = Arrays.copyOf(pts, n * 2);
              key = Arrays.copyOf(key, n * 2);
            }
            timestamped &= p.pts() != AV_NOPTS_VALUE;
            pts[n] = p.pts();
            key[n] = (p.flags() & AV_PKT_FLAG_KEY) != 0;
            n++;
          }
          av_packet_unref(p);
        }
      } finally {
        av_packet_free(p);
      }
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      long[] raw = pts;
      Arrays.sort(order, (a, b) -> Long.compare(raw[a], raw[b]));
      long[] sorted = new long[n];
      boolean[] sortedKey = new boolean[n];
      for (int i = 0; i < n; i++) {
        sorted[i] = raw[order[i]];
        sortedKey[i] = key[order[i]];
      }
      return new VideoIndex(sorted, sortedKey, av_q2d(video.time_base()), timestamped);
    }
  }
}
