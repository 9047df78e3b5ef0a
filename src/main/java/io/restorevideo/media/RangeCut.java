package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;

/**
 * Cuts the copied streams (audio, subtitles) to a {@link MediaRange} and moves their timestamps so that the
 * range starts at zero, as FFmpeg's {@code -ss} does: packets that start before the range or at or after
 * its end are dropped. The video frames are moved by the same amount ({@link #videoPts}), which keeps sync.
 */
public final class RangeCut implements MediaInput.PacketSink {
  private final MediaInput in;
  private final MediaRange range;
  private final MediaInput.PacketSink next;
  /** Where the range ends for the copied streams; a frame-count range learns it as frames arrive. */
  private final double endSeconds;

  public RangeCut(MediaInput in, MediaRange range, MediaInput.PacketSink next) {
    this.in = in;
    this.range = range;
    this.next = next;
    double frame = in.frameSeconds();
    this.endSeconds = range.maxFrames() != Long.MAX_VALUE && frame > 0
        ? Math.min(range.endSeconds(), range.startSeconds() + range.maxFrames() * frame) : range.endSeconds();
  }

  @Override
  public void accept(AVPacket p, AVStream st) {
    double t = in.packetSeconds(p, st);
    if (!Double.isNaN(t) && (range.before(t) || t >= endSeconds - 0.0005)) {
      return;
    }
    long shift = shiftIn(st);
    if (p.pts() != AV_NOPTS_VALUE) {
      p.pts(p.pts() - shift);
    }
    if (p.dts() != AV_NOPTS_VALUE) {
      p.dts(p.dts() - shift);
    }
    next.accept(p, st);
  }

  /** A video pts moved so that the range starts at zero. */
  public long videoPts(long pts) {
    return pts - shiftIn(in.videoStream());
  }

  /** The range start (plus the video stream's own start) in {@code st}'s time base. */
  private long shiftIn(AVStream st) {
    double startAbs = in.videoPts(range.startSeconds()) * av_q2d(in.videoStream().time_base());
    return Math.round(startAbs / av_q2d(st.time_base()));
  }
}
