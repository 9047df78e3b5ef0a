package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swresample.*;

import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.IntPointer;

/**
 * Re-encodes one audio stream whose codec the output container cannot hold: decode, resample to the
 * encoder's sample format and rate, cut into the encoder's frame size, encode. Timing starts at the input
 * stream's first decoded sample so that audio stays in sync with the video.
 */
final class AudioTranscoder implements StreamTranscoder {
  private final AVCodecContext decoder;
  private final AVCodecContext encoder;
  private final SwrContext swr;
  private final AVAudioFifo fifo;
  private final AVFrame decoded = av_frame_alloc();
  private final AVFrame resampled = av_frame_alloc();
  private final AVFrame chunk = av_frame_alloc();
  private final AVPacket out = av_packet_alloc();
  private final Consumer<AVPacket> sink;
  private final AVRational inTimeBase;
  private long nextPts = AV_NOPTS_VALUE;

  private AudioTranscoder(AVCodecContext decoder, AVCodecContext encoder, SwrContext swr, AVRational inTimeBase,
      Consumer<AVPacket> sink) {
    this.decoder = decoder;
    this.encoder = encoder;
    this.swr = swr;
    this.inTimeBase = inTimeBase;
    this.sink = sink;
    this.fifo = av_audio_fifo_alloc(encoder.sample_fmt(), encoder.ch_layout().nb_channels(), 4096);
  }

  /** The encoder that containers of each kind accept. */
  static String encoderFor(String muxer) {
    return switch (muxer) {
      case "webm" -> "libopus";
      case "avi" -> "libmp3lame";
      default -> "aac";
    };
  }

  /** Opens decoder and encoder; {@code globalHeader} when the muxer wants codec headers out of band. */
  static AudioTranscoder open(String inputName, AVStream in, String encoderName, boolean globalHeader,
      Consumer<AVPacket> sink) {
    AVCodecContext dec = TranscodeSupport.openDecoder(inputName, in, "audio");
    AVCodec ec = TranscodeSupport.encoder(inputName, in, "audio", encoderName);
    AVCodecContext enc = avcodec_alloc_context3(ec);
    int channels = Math.min(dec.ch_layout().nb_channels(), ec.name().getString().equals("libmp3lame") ? 2 : 8);
    av_channel_layout_default(enc.ch_layout(), channels);
    enc.sample_rate(rate(ec, dec.sample_rate()));
    IntPointer fmts = ec.sample_fmts();
    enc.sample_fmt(fmts != null && !fmts.isNull() ? fmts.get(0) : AV_SAMPLE_FMT_FLTP);
    enc.time_base(av_make_q(1, enc.sample_rate()));
    enc.bit_rate(64_000L * Math.max(2, channels));
    if (globalHeader) {
      enc.flags(enc.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    }
    TranscodeSupport.check(inputName, in, "audio", 
        avcodec_open2(enc, ec, (org.bytedeco.ffmpeg.avutil.AVDictionary) null));
    // a null context: FFmpeg allocates one and stores its address back into this object
    SwrContext swr = new SwrContext((org.bytedeco.javacpp.Pointer) null);
    int ret = swr_alloc_set_opts2(swr, enc.ch_layout(), enc.sample_fmt(), enc.sample_rate(), dec.ch_layout(),
        dec.sample_fmt(), dec.sample_rate(), 0, null);
    if (ret < 0 || (ret = swr_init(swr)) < 0) {
      TranscodeSupport.check(inputName, in, "audio", ret);
    }
    return new AudioTranscoder(dec, enc, swr, in.time_base(), sink);
  }

  private static int rate(AVCodec c, int wanted) {
    IntPointer rates = c.supported_samplerates();
    if (rates == null || rates.isNull()) {
      return wanted;
    }
    int best = rates.get(0);
    for (int i = 0; rates.get(i) != 0; i++) {
      if (Math.abs(rates.get(i) - wanted) < Math.abs(best - wanted)) {
        best = rates.get(i);
      }
    }
    return best;
  }

  @Override
  public AVCodecContext encoder() {
    return encoder;
  }

  /** Feeds one packet of the input stream; encoded packets (encoder time base) go to the sink. */
  @Override
  public void push(AVPacket pkt) {
    if (avcodec_send_packet(decoder, pkt) < 0) {
      return;
    }
    drainDecoder();
  }

  private void drainDecoder() {
    while (avcodec_receive_frame(decoder, decoded) == 0) {
      if (nextPts == AV_NOPTS_VALUE) {
        long ts = decoded.best_effort_timestamp();
        nextPts = ts == AV_NOPTS_VALUE ? 0 : av_rescale_q(ts, inTimeBase, encoder.time_base());
      }
      resample(decoded);
      av_frame_unref(decoded);
    }
  }

  private void resample(AVFrame in) {
    av_frame_unref(resampled);
    av_channel_layout_copy(resampled.ch_layout(), encoder.ch_layout());
    resampled.sample_rate(encoder.sample_rate());
    resampled.format(encoder.sample_fmt());
    if (swr_convert_frame(swr, resampled, in) < 0) {
      return;
    }
    if (resampled.nb_samples() > 0) {
      av_audio_fifo_write(fifo, resampled.extended_data(), resampled.nb_samples());
    }
    encodeFull(false);
  }

  private void encodeFull(boolean last) {
    int size = encoder.frame_size() > 0 ? encoder.frame_size() : 1024;
    while (av_audio_fifo_size(fifo) >= size || (last && av_audio_fifo_size(fifo) > 0)) {
      int n = Math.min(size, av_audio_fifo_size(fifo));
      av_frame_unref(chunk);
      chunk.nb_samples(n);
      av_channel_layout_copy(chunk.ch_layout(), encoder.ch_layout());
      chunk.format(encoder.sample_fmt());
      chunk.sample_rate(encoder.sample_rate());
      av_frame_get_buffer(chunk, 0);
      av_audio_fifo_read(fifo, chunk.extended_data(), n);
      chunk.pts(nextPts);
      nextPts += n;
      send(chunk);
    }
  }

  private void send(AVFrame f) {
    avcodec_send_frame(encoder, f);
    while (avcodec_receive_packet(encoder, out) == 0) {
      sink.accept(out);
      av_packet_unref(out);
    }
  }

  /** Drains decoder, resampler and encoder at the end of the input. */
  @Override
  public void finish() {
    avcodec_send_packet(decoder, null);
    drainDecoder();
    if (nextPts != AV_NOPTS_VALUE) {
      resample(null);
      encodeFull(true);
    }
    send(null);
  }

  @Override
  public void close() {
    av_frame_free(decoded);
    av_frame_free(resampled);
    av_frame_free(chunk);
    av_packet_free(out);
    swr_free(swr);
    av_audio_fifo_free(fifo);
    avcodec_free_context(decoder);
    avcodec_free_context(encoder);
  }
}
