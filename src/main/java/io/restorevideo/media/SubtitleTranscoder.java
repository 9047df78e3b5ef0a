package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVSubtitle;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacpp.BytePointer;

/**
 * Converts a text subtitle stream (SubRip, ASS, WebVTT...) to the text format a container takes (mov_text
 * for mp4/mov, WebVTT for webm). Each cue keeps its packet's start time and duration.
 */
final class SubtitleTranscoder implements StreamTranscoder {
  private static final int MAX_CUE_BYTES = 1 << 16;

  private final AVCodecContext decoder;
  private final AVCodecContext encoder;
  private final Consumer<AVPacket> sink;
  private final AVSubtitle sub = new AVSubtitle();
  private final BytePointer buf = new BytePointer(av_malloc(MAX_CUE_BYTES)).capacity(MAX_CUE_BYTES);
  private final AVPacket out = av_packet_alloc();

  private SubtitleTranscoder(AVCodecContext decoder, AVCodecContext encoder, Consumer<AVPacket> sink) {
    this.decoder = decoder;
    this.encoder = encoder;
    this.sink = sink;
  }

  /** The text subtitle encoder a container takes, or null when it holds no text subtitles. */
  static String encoderFor(String muxer) {
    return switch (muxer) {
      case "mp4", "mov" -> "mov_text";
      case "webm" -> "webvtt";
      case "matroska" -> "ass";
      default -> null;
    };
  }

  /** True when the stream is text (bitmap subtitles cannot become text). */
  static boolean isText(AVStream in) {
    AVCodecDescriptor d = avcodec_descriptor_get(in.codecpar().codec_id());
    return d != null && (d.props() & AV_CODEC_PROP_TEXT_SUB) != 0;
  }

  static SubtitleTranscoder open(String inputName, AVStream in, String encoderName, Consumer<AVPacket> sink) {
    AVCodecContext dec = TranscodeSupport.openDecoder(inputName, in, "subtitle");
    AVCodec ec = TranscodeSupport.encoder(inputName, in, "subtitle", encoderName);
    AVCodecContext enc = avcodec_alloc_context3(ec);
    enc.time_base(in.time_base());
    // text encoders parse the styles of the decoder's ASS header
    if (dec.subtitle_header() != null && dec.subtitle_header_size() > 0) {
      BytePointer header = new BytePointer(av_mallocz(dec.subtitle_header_size() + 1));
      header.capacity(dec.subtitle_header_size()).put(dec.subtitle_header().capacity(dec.subtitle_header_size()));
      enc.subtitle_header(header);
      enc.subtitle_header_size(dec.subtitle_header_size());
    }
    TranscodeSupport.check(inputName, in, "subtitle", 
        avcodec_open2(enc, ec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
    return new SubtitleTranscoder(dec, enc, sink);
  }

  @Override
  public AVCodecContext encoder() {
    return encoder;
  }

  @Override
  public void push(AVPacket pkt) {
    int[] got = {0};
    if (avcodec_decode_subtitle2(decoder, sub, got, pkt) < 0 || got[0] == 0) {
      return;
    }
    try {
      // the cue's timing travels on the packet; the encoded text must start at 0 relative to it
      sub.end_display_time(sub.end_display_time() - sub.start_display_time());
      sub.start_display_time(0);
      int n = avcodec_encode_subtitle(encoder, buf, MAX_CUE_BYTES, sub);
      if (n <= 0) {
        return;
      }
      av_new_packet(out, n);
      out.data().capacity(n).put(buf.position(0).limit(n));
      buf.limit(MAX_CUE_BYTES);
      out.pts(pkt.pts());
      out.dts(pkt.pts());
      out.duration(pkt.duration());
      sink.accept(out);
      av_packet_unref(out);
    } finally {
      avsubtitle_free(sub);
    }
  }

  @Override
  public void finish() {
    // text decoders and encoders hold nothing back
  }

  @Override
  public void close() {
    av_packet_free(out);
    av_free(buf);
    avcodec_free_context(decoder);
    avcodec_free_context(encoder);
  }
}
