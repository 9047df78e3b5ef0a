package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * An opened input: demuxes every stream, decodes the main video stream, and hands every other packet to a
 * {@link PacketSink} untouched (for stream copy). Not thread-safe: one decoder thread owns it.
 *
 * <p>The FFmpeg libraries are used directly rather than through JavaCV's FFmpegFrameGrabber, because the
 * grabber drops the packets of every audio stream but one and all subtitle packets, which stream copy needs.
 */
public final class MediaInput implements AutoCloseable {
  /** Receives a demuxed packet of a non-video stream; it must copy what it keeps before returning. */
  public interface PacketSink {
    void accept(AVPacket packet, AVStream stream);
  }

  static {
    // libav* chatter (encoder banners, stream dumps) would garble the progress line; errors still show
    av_log_set_level(AV_LOG_ERROR);
  }

  private final String name;
  private final AVFormatContext fmt;
  private final AVStream video;
  private final AVCodecContext decoder;
  private final AVPacket packet = av_packet_alloc();
  private final MediaInfo info;
  private boolean draining;
  private int readError;
  private int decodeErrors;
  private long lastPts = AV_NOPTS_VALUE;
  private long lastDuration;
  private String filterDescription;
  private VideoFilter filter;
  private boolean filterEnded;
  private final AVFrame unfiltered = av_frame_alloc();

  private MediaInput(String name, AVFormatContext fmt, AVStream video, AVCodecContext decoder) {
    this.name = name;
    this.fmt = fmt;
    this.video = video;
    this.decoder = decoder;
    this.info = Probe.describe(name, fmt);
  }

  /** Opens a path, URL or {@code -} (stdin); every failure is a one-line {@link MediaException} naming it. */
  public static MediaInput open(String input) {
    return open(input, null);
  }

  /** Opens an input with a given demuxer and options ({@code format} null: FFmpeg probes the input). */
  public static MediaInput open(String input, InputFormat format) {
    checkLocalFile(input);
    String url = "-".equals(input) ? "pipe:0" : input;
    AVFormatContext fmt = new AVFormatContext(null);
    AVInputFormat demuxer = null;
    AVDictionary options = new AVDictionary(null);
    if (format != null) {
      demuxer = av_find_input_format(format.demuxer());
      if (demuxer == null || demuxer.isNull()) {
        throw new MediaException("--input-format " + format.demuxer() + ": no such FFmpeg input format");
      }
      format.options().forEach((k, v) -> av_dict_set(options, k, v, 0));
    }
    int ret = avformat_open_input(fmt, url, demuxer, options);
    av_dict_free(options);
    if (ret < 0) {
      throw new MediaException(input + ": not a media file FFmpeg can read"
          + (format == null ? "" : " as " + format.demuxer()) + " (" + FfmpegError.describe(ret) + ")");
    }
    ret = avformat_find_stream_info(fmt, (org.bytedeco.javacpp.PointerPointer<?>) null);
    if (ret < 0) {
      avformat_close_input(fmt);
      throw new MediaException(input + ": cannot read stream information (" + FfmpegError.describe(ret) + ")");
    }
    int vi = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
    if (vi < 0 || (fmt.streams(vi).disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
      avformat_close_input(fmt);
      throw new MediaException(input + ": no video stream (audio-only or not a video file)");
    }
    AVStream st = fmt.streams(vi);
    AVCodec codec = avcodec_find_decoder(st.codecpar().codec_id());
    if (codec == null) {
      avformat_close_input(fmt);
      throw new MediaException(input + ": no decoder for video codec "
          + avcodec_get_name(st.codecpar().codec_id()).getString());
    }
    AVCodecContext dec = avcodec_alloc_context3(codec);
    avcodec_parameters_to_context(dec, st.codecpar());
    dec.pkt_timebase(st.time_base());
    dec.thread_count(0);
    ret = avcodec_open2(dec, codec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null);
    if (ret < 0) {
      avcodec_free_context(dec);
      avformat_close_input(fmt);
      throw new MediaException(input + ": cannot open the video decoder (" + FfmpegError.describe(ret) + ")");
    }
    return new MediaInput(input, fmt, st, dec);
  }

  private static void checkLocalFile(String input) {
    if ("-".equals(input) || input.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") && !input.startsWith("file:")) {
      return;
    }
    Path p = Path.of(input.startsWith("file:") ? input.substring(5) : input);
    if (!Files.exists(p)) {
      throw new MediaException(input + ": no such file");
    }
    if (Files.isDirectory(p)) {
      throw new MediaException(input + ": is a directory, not a video file");
    }
    try {
      if (Files.size(p) == 0) {
        throw new MediaException(input + ": empty file");
      }
    } catch (IOException e) {
      throw new MediaException(input + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  public String name() {
    return name;
  }

  public MediaInfo info() {
    return info;
  }

  public AVFormatContext context() {
    return fmt;
  }

  public AVStream videoStream() {
    return video;
  }

  /** The decoder's output geometry and format (frames keep these unless the stream changes mid-way). */
  public int width() {
    return decoder.width();
  }

  public int height() {
    return decoder.height();
  }

  public int pixelFormat() {
    return decoder.pix_fmt();
  }

  /**
   * Decodes up to the next video frame, moving it into {@code target} (pts in the video stream's time base,
   * best-effort). Packets of other streams met on the way go to {@code sink}. Returns false at the end.
   */
  public boolean nextFrame(AVFrame target, PacketSink sink) {
    if (filterDescription == null) {
      return decodeFrame(target, sink);
    }
    while (true) {
      if (filter != null && filter.pull(target)) {
        return true;
      }
      if (filterEnded) {
        return false;
      }
      if (decodeFrame(unfiltered, sink)) {
        if (filter == null) {
          filter = new VideoFilter(filterDescription, unfiltered.width(), unfiltered.height(), unfiltered.format(),
              video.time_base(), video.codecpar().sample_aspect_ratio());
        }
        filter.push(unfiltered);
      } else if (filter != null) {
        filter.push(null);
        filterEnded = true;
      } else {
        return false;
      }
    }
  }

  /**
   * Runs every decoded frame through an FFmpeg filter graph (e.g. a deinterlacer) before {@link #nextFrame}
   * returns it; the filters must give one frame per frame and keep the pts. Null: none.
   */
  public void filter(String description) {
    closeFilter();
    filterDescription = description;
  }

  /** True when a filter graph runs on the frames. */
  public boolean filtered() {
    return filterDescription != null;
  }

  private void closeFilter() {
    if (filter != null) {
      filter.close();
      filter = null;
    }
    filterEnded = false;
  }

  private boolean decodeFrame(AVFrame target, PacketSink sink) {
    while (true) {
      av_frame_unref(target);
      int ret = avcodec_receive_frame(decoder, target);
      if (ret == 0) {
        long pts = target.best_effort_timestamp();
        if (pts == AV_NOPTS_VALUE) {
          pts = lastPts == AV_NOPTS_VALUE ? 0 : lastPts + Math.max(1, lastDuration);
        }
        if (lastPts != AV_NOPTS_VALUE && pts > lastPts) {
          lastDuration = pts - lastPts;
        }
        lastPts = pts;
        target.pts(pts);
        return true;
      }
      if (ret == AVERROR_EOF()) {
        return false;
      }
      if (ret != AVERROR_EAGAIN()) {
        decodeErrors++;
        if (draining) {
          return false;
        }
      }
      if (draining) {
        return false;
      }
      readPacket(sink);
    }
  }

  /**
   * Moves to the last keyframe at or before {@code pts} (video stream time base) and empties the decoder, so
   * the next {@link #nextFrame} decodes from there.
   */
  public void seekPts(long pts) {
    int ret = av_seek_frame(fmt, video.index(), pts, AVSEEK_FLAG_BACKWARD);
    if (ret < 0) {
      throw new MediaException(name + ": cannot seek to pts " + pts + " (" + FfmpegError.describe(ret) + ")");
    }
    avcodec_flush_buffers(decoder);
    // temporal filters must not mix frames from before the seek with those after it
    closeFilter();
    draining = false;
    lastPts = AV_NOPTS_VALUE;
    lastDuration = 0;
  }

  /**
   * Reads the next packet of a stream other than the decoded video into {@code target} (the caller unrefs
   * it); false at the end of the input. For muxing the other streams again without decoding the video.
   */
  public boolean nextOtherPacket(AVPacket target) {
    while (av_read_frame(fmt, target) >= 0) {
      if (target.stream_index() != video.index()) {
        return true;
      }
      av_packet_unref(target);
    }
    return false;
  }

  private void readPacket(PacketSink sink) {
    int ret = av_read_frame(fmt, packet);
    if (ret < 0) {
      if (ret != AVERROR_EOF()) {
        readError = ret;
      }
      draining = true;
      avcodec_send_packet(decoder, null);
      return;
    }
    try {
      if (packet.stream_index() == video.index()) {
        int s = avcodec_send_packet(decoder, packet);
        if (s < 0 && s != AVERROR_EAGAIN()) {
          decodeErrors++;
        }
      } else {
        sink.accept(packet, fmt.streams(packet.stream_index()));
      }
    } finally {
      av_packet_unref(packet);
    }
  }

  /**
   * Why the input ended early, or null when it decoded to its end: a read error, decode errors, or frames
   * missing before the duration the container announces.
   */
  public String incompleteReason(double decodedEndSeconds) {
    if (readError != 0) {
      return "read error before the end (" + FfmpegError.describe(readError) + ")";
    }
    double expected = expectedVideoSeconds();
    if (expected > 0 && decodedEndSeconds < expected * 0.98 - 0.05) {
      return String.format(java.util.Locale.ROOT, "video ends at %.2f s of the %.2f s announced", decodedEndSeconds,
          expected);
    }
    if (decodeErrors > 0) {
      return decodeErrors + " undecodable video packets";
    }
    return null;
  }

  private double expectedVideoSeconds() {
    if (video.duration() != AV_NOPTS_VALUE && video.duration() > 0) {
      return video.duration() * av_q2d(video.time_base());
    }
    return 0;
  }

  /** Seconds of a pts in the video stream's time base, relative to the stream's start. */
  public double seconds(long pts) {
    long start = video.start_time() == AV_NOPTS_VALUE ? 0 : video.start_time();
    return (pts - start) * av_q2d(video.time_base());
  }

  /**
   * Moves to the last keyframe at or before {@code seconds} (from the video stream's start) so that decoding
   * a range far into a file does not decode everything before it. False, and nothing moved, when the input
   * cannot seek (a pipe) or the demuxer refuses; the caller then decodes from where it is and drops frames.
   */
  public boolean seek(double seconds) {
    if (seconds <= 0 || fmt.pb() == null || (fmt.pb().seekable() & AVIO_SEEKABLE_NORMAL) == 0) {
      return false;
    }
    long start = video.start_time() == AV_NOPTS_VALUE ? 0 : video.start_time();
    long target = start + Math.round(seconds / av_q2d(video.time_base()));
    if (avformat_seek_file(fmt, video.index(), Long.MIN_VALUE, target, target, 0) < 0) {
      return false;
    }
    avcodec_flush_buffers(decoder);
    closeFilter();
    draining = false;
    lastPts = AV_NOPTS_VALUE;
    lastDuration = 0;
    return true;
  }

  /** Seconds of a packet's pts (in its stream's time base) from the video stream's start; NaN without pts. */
  public double packetSeconds(AVPacket p, AVStream st) {
    if (p.pts() == AV_NOPTS_VALUE) {
      return Double.NaN;
    }
    long start = video.start_time() == AV_NOPTS_VALUE ? 0 : video.start_time();
    return p.pts() * av_q2d(st.time_base()) - start * av_q2d(video.time_base());
  }

  /** A pts in the video stream's time base for {@code seconds} from the video stream's start. */
  public long videoPts(double seconds) {
    long start = video.start_time() == AV_NOPTS_VALUE ? 0 : video.start_time();
    return start + Math.round(seconds / av_q2d(video.time_base()));
  }

  /** Duration of one frame in seconds (from the average frame rate), for end-of-stream arithmetic. */
  public double frameSeconds() {
    AVRational r = video.avg_frame_rate();
    if (r.num() > 0 && r.den() > 0) {
      return r.den() / (double) r.num();
    }
    return 0;
  }

  @Override
  public void close() {
    closeFilter();
    av_frame_free(unfiltered);
    av_packet_free(packet);
    avcodec_free_context(decoder);
    avformat_close_input(fmt);
  }

  /** Builds {@link MediaInfo} from an opened context. */
  static final class Probe {
    private Probe() {}

    static MediaInfo describe(String name, AVFormatContext fmt) {
      List<StreamInfo> streams = new ArrayList<>();
      for (int i = 0; i < fmt.nb_streams(); i++) {
        streams.add(stream(fmt.streams(i)));
      }
      double duration = fmt.duration() == AV_NOPTS_VALUE ? 0 : fmt.duration() / (double) AV_TIME_BASE;
      return new MediaInfo(name, fmt.iformat().name().getString(), duration, streams);
    }

    static StreamInfo stream(AVStream st) {
      AVCodecParameters p = st.codecpar();
      String type = string(av_get_media_type_string(p.codec_type()));
      String codec = string(avcodec_get_name(p.codec_id()));
      String language = tag(st, "language");
      if (p.codec_type() != AVMEDIA_TYPE_VIDEO) {
        return new StreamInfo(st.index(), type, codec, language, 0, 0, null, 0, 0, false, 0, null, null, null, null,
            p.ch_layout().nb_channels(), p.sample_rate());
      }
      AVPixFmtDescriptor desc = p.format() >= 0 ? av_pix_fmt_desc_get(p.format()) : null;
      int depth = desc == null ? 0 : desc.comp(0).depth();
      AVRational avg = st.avg_frame_rate();
      AVRational real = st.r_frame_rate();
      double fps = avg.num() > 0 && avg.den() > 0 ? av_q2d(avg) : 0;
      double rfps = real.num() > 0 && real.den() > 0 ? av_q2d(real) : 0;
      // a variable-rate stream shows a base rate (r_frame_rate) that differs from its average rate
      boolean vfr = fps > 0 && rfps > 0 && Math.abs(fps - rfps) / rfps > 0.01;
      return new StreamInfo(st.index(), type, codec, language, p.width(), p.height(),
          p.format() >= 0 ? string(av_get_pix_fmt_name(p.format())) : null, depth, fps, vfr, rotation(p),
          string(av_color_range_name(p.color_range())), string(av_color_primaries_name(p.color_primaries())),
          string(av_color_transfer_name(p.color_trc())), string(av_color_space_name(p.color_space())), 0, 0);
    }

    private static double rotation(AVCodecParameters p) {
      AVPacketSideData sd = av_packet_side_data_get(p.coded_side_data(), p.nb_coded_side_data(),
          AV_PKT_DATA_DISPLAYMATRIX);
      if (sd == null || sd.isNull() || sd.data() == null || sd.size() < 36) {
        return 0;
      }
      double r = av_display_rotation_get(new IntPointer(sd.data()));
      return Double.isNaN(r) ? 0 : r;
    }

    static String tag(AVStream st, String key) {
      AVDictionaryEntry e = av_dict_get(st.metadata(), key, null, 0);
      return e == null || e.isNull() ? null : e.value().getString();
    }

    private static String string(BytePointer p) {
      return p == null || p.isNull() ? null : p.getString();
    }
  }
}
