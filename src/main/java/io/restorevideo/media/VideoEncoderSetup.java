package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.javacpp.IntPointer;

/**
 * Opens the video encoder for an input's video stream: codec by container, the input's time base (so every
 * frame keeps its pts, CFR or VFR), size, aspect, colour tags, and a pixel format of the same depth.
 */
final class VideoEncoderSetup {
  static final int DEFAULT_CRF = 18;

  private VideoEncoderSetup() {}

  static AVCodecContext open(String shownName, String muxer, AVOutputFormat of, MediaInput in, EncoderSettings s) {
    return open(shownName, muxer, of, in, s, false);
  }

  /** {@code closedGop}: no frame refers across a GOP's start, so parts encoded apart can be joined. */
  static AVCodecContext open(String shownName, String muxer, AVOutputFormat of, MediaInput in, EncoderSettings s,
      boolean closedGop) {
    AVStream vin = in.videoStream();
    AVCodecParameters par = vin.codecpar();
    int srcFmt = in.pixelFormat();
    AVPixFmtDescriptor srcDesc = av_pix_fmt_desc_get(srcFmt);
    int depth = srcDesc == null ? 8 : srcDesc.comp(0).depth();
    String codecName = s.codec() != null ? s.codec() : defaultCodec(muxer, depth);
    AVCodec codec = avcodec_find_encoder_by_name(codecName);
    if (codec == null || av_codec_is_encoder(codec) == 0 || codec.type() != AVMEDIA_TYPE_VIDEO) {
      throw new MediaException("--video-codec " + codecName + ": no such video encoder in this FFmpeg build");
    }
    if (avformat_query_codec(of, codec.id(), FF_COMPLIANCE_NORMAL) == 0) {
      throw new MediaException(shownName + ": a " + muxer + " file cannot hold " + codecName + " video");
    }
    AVCodecContext c = avcodec_alloc_context3(codec);
    int width = in.width() * s.upscale();
    int height = in.height() * s.upscale();
    c.width(width);
    c.height(height);
    c.sample_aspect_ratio(par.sample_aspect_ratio());
    c.time_base(timeBase(muxer, vin));
    if (vin.avg_frame_rate().num() > 0) {
      c.framerate(vin.avg_frame_rate());
    }
    c.pix_fmt(pixelFormat(codec, s.pixelFormat(), srcFmt, width, height));
    c.color_range(par.color_range());
    c.color_primaries(par.color_primaries());
    c.color_trc(par.color_trc());
    c.colorspace(par.color_space());
    c.chroma_sample_location(par.chroma_location());
    c.thread_count(0);
    if ((of.flags() & AVFMT_GLOBALHEADER) != 0) {
      c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    }
    if (in.filtered()) {
      // the pre-filters deinterlace (or leave progressive input as it was): the new encode is progressive
      c.field_order(AV_FIELD_PROGRESSIVE);
    }
    if (closedGop) {
      c.flags(c.flags() | AV_CODEC_FLAG_CLOSED_GOP);
    }
    AVDictionary opts = new AVDictionary(null);
    int crf = s.crf() != null ? s.crf() : DEFAULT_CRF;
    String encName = codec.name().getString();
    switch (encName) {
      case "libx264", "libx265" -> {
        av_dict_set(opts, "crf", Integer.toString(crf), 0);
        if (s.preset() != null) {
          av_dict_set(opts, "preset", s.preset(), 0);
        }
        if (encName.equals("libx265")) {
          av_dict_set(opts, "x265-params", "log-level=error", 0);
        }
      }
      case "libvpx-vp9", "libvpx" -> {
        // constant quality mode of libvpx needs a zero bit rate
        c.bit_rate(0);
        av_dict_set(opts, "crf", Integer.toString(Math.min(63, crf)), 0);
        av_dict_set(opts, "deadline", s.preset() != null ? s.preset() : "good", 0);
        av_dict_set(opts, "cpu-used", "5", 0);
        av_dict_set(opts, "row-mt", "1", 0);
      }
      case "rawvideo", "wrapped_avframe" -> {
        // uncompressed: no quality setting applies
      }
      default -> {
        // encoders without CRF (mpeg4 and the like) take a fixed quantiser: CRF 18 maps to q 2
        c.flags(c.flags() | AV_CODEC_FLAG_QSCALE);
        c.global_quality(FF_QP2LAMBDA * Math.max(1, Math.min(31, crf / 9)));
      }
    }
    int ret = avcodec_open2(c, codec, opts);
    List<String> unused = new ArrayList<>();
    AVDictionaryEntry e = null;
    while ((e = av_dict_get(opts, "", e, AV_DICT_IGNORE_SUFFIX)) != null && !e.isNull()) {
      unused.add(e.key().getString());
    }
    av_dict_free(opts);
    if (ret < 0) {
      avcodec_free_context(c);
      throw new MediaException(shownName + ": cannot open the " + encName + " encoder with "
          + av_get_pix_fmt_name(c.pix_fmt()).getString() + " " + width + "x" + height + " ("
          + FfmpegError.describe(ret) + ")");
    }
    if (!unused.isEmpty()) {
      throw new MediaException("--encoder-preset/--crf: " + encName + " does not accept " + unused);
    }
    return c;
  }

  /**
   * The input's time base keeps every pts as it was; AVI, y4m and raw video have no timestamps, only a frame
   * index (y4m even writes the time base as its frame rate), so there the base is one frame of the average rate.
   */
  static org.bytedeco.ffmpeg.avutil.AVRational timeBase(String muxer, AVStream vin) {
    if (ContainerFormat.frameIndexed(muxer) && vin.avg_frame_rate().num() > 0) {
      return av_inv_q(vin.avg_frame_rate());
    }
    return vin.time_base();
  }

  static String defaultCodec(String muxer, int depth) {
    return switch (muxer) {
      case "webm" -> "libvpx-vp9";
      case "avi" -> "mpeg4";
      // frame pipes carry uncompressed frames: the reader wants pictures, not a codec to decode
      case "yuv4mpegpipe" -> "wrapped_avframe";
      case "nut", "rawvideo" -> "rawvideo";
      default -> depth > 8 ? "libx265" : "libx264";
    };
  }

  /**
   * The requested format, else the input's when the encoder takes it, else the encoder's closest one; odd
   * sizes get a format without chroma subsampling, since subsampled formats need even sizes.
   */
  static int pixelFormat(AVCodec codec, String requested, int srcFmt, int width, int height) {
    int[] list = supported(codec);
    if (requested != null) {
      int f = av_get_pix_fmt(requested);
      if (f < 0) {
        throw new MediaException("--pix-fmt " + requested + ": unknown pixel format");
      }
      if (list.length > 0 && java.util.Arrays.stream(list).noneMatch(x -> x == f)) {
        throw new MediaException("--pix-fmt " + requested + ": not supported by " + codec.name().getString());
      }
      return f;
    }
    if (list.length == 0) {
      return srcFmt;
    }
    int want = srcFmt;
    AVPixFmtDescriptor d = av_pix_fmt_desc_get(srcFmt);
    boolean odd = (width & 1) == 1 || (height & 1) == 1;
    if (odd && d != null && (d.log2_chroma_w() > 0 || d.log2_chroma_h() > 0)) {
      want = d.comp(0).depth() > 8 ? AV_PIX_FMT_YUV444P10LE : AV_PIX_FMT_YUV444P;
    }
    int[] list0 = java.util.Arrays.copyOf(list, list.length + 1);
    list0[list.length] = -1;
    int best = avcodec_find_best_pix_fmt_of_list(list0, want, 0, (int[]) null);
    return best >= 0 ? best : list[0];
  }

  private static int[] supported(AVCodec codec) {
    IntPointer p = codec.pix_fmts();
    if (p == null || p.isNull()) {
      return new int[0];
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; p.get(i) != -1; i++) {
      out.add(p.get(i));
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
