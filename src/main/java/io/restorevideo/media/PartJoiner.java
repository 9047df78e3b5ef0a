package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.List;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * Concatenates the video parts of a segmented job by stream copy and muxes them once with the other streams
 * of the source. Packets of the two sides go to the muxer in time order, so its interleaving queue stays
 * short however long the film.
 */
public final class PartJoiner {
  private PartJoiner() {}

  /** Writes the joined file to {@code url}; returns the video packets written. */
  public static long join(MediaInput source, List<String> parts, String url, String shownName, String muxer,
      Consumer<String> warn) {
    if (parts.isEmpty()) {
      throw new MediaException(shownName + ": no parts to join");
    }
    AVPacket video = av_packet_alloc();
    AVPacket other = av_packet_alloc();
    try (PartReader reader = new PartReader(parts);
        MediaOutput out = MediaOutput.openJoin(url, shownName, muxer, source, reader.stream(), warn)) {
      boolean haveVideo = reader.next(video);
      boolean haveOther = source.nextOtherPacket(other);
      AVFormatContext ic = source.context();
      while (haveVideo || haveOther) {
        AVStream os = haveOther ? ic.streams(other.stream_index()) : null;
        if (haveVideo && (!haveOther || seconds(video, reader.timeBase()) <= seconds(other, os.time_base()))) {
          out.writeVideoPacket(video, reader.timeBase());
          av_packet_unref(video);
          haveVideo = reader.next(video);
        } else {
          out.writeCopied(other, os);
          av_packet_unref(other);
          haveOther = source.nextOtherPacket(other);
        }
      }
      out.finish();
      return out.videoPackets();
    } finally {
      av_packet_free(video);
      av_packet_free(other);
    }
  }

  private static double seconds(AVPacket p, AVRational tb) {
    long t = p.dts() != AV_NOPTS_VALUE ? p.dts() : p.pts();
    return t == AV_NOPTS_VALUE ? Double.NEGATIVE_INFINITY : t * av_q2d(tb);
  }

  /** The video packets of the parts one after the other, in the first part's time base. */
  private static final class PartReader implements AutoCloseable {
    private final List<String> parts;
    private int next;
    private AVFormatContext current;
    private AVFormatContext first;
    private int streamIndex;

    PartReader(List<String> parts) {
      this.parts = parts;
      first = open(parts.get(0));
      current = first;
      next = 1;
    }

    private AVFormatContext open(String part) {
      AVFormatContext fmt = new AVFormatContext(null);
      int ret = avformat_open_input(fmt, part, null, null);
      if (ret < 0) {
        throw new MediaException(part + ": cannot read the segment part (" + FfmpegError.describe(ret) + ")");
      }
      ret = avformat_find_stream_info(fmt, (org.bytedeco.javacpp.PointerPointer<?>) null);
      if (ret < 0 || fmt.nb_streams() != 1) {
        avformat_close_input(fmt);
        throw new MediaException(part + ": not a video-only segment part");
      }
      streamIndex = 0;
      return fmt;
    }

    AVStream stream() {
      return first.streams(0);
    }

    AVRational timeBase() {
      return current.streams(streamIndex).time_base();
    }

    boolean next(AVPacket p) {
      while (true) {
        if (av_read_frame(current, p) >= 0) {
          return true;
        }
        if (next >= parts.size()) {
          return false;
        }
        if (current != first) {
          avformat_close_input(current);
        }
        current = open(parts.get(next++));
      }
    }

    @Override
    public void close() {
      if (current != null && current != first) {
        avformat_close_input(current);
      }
      if (first != null) {
        avformat_close_input(first);
      }
    }
  }
}
