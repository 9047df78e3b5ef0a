package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/** What the stream transcoders share: opening the input stream's decoder and one-line failures. */
final class TranscodeSupport {
  private TranscodeSupport() {}

  /** The opened decoder of {@code in} and the named encoder, or a failure naming the stream. */
  static AVCodecContext openDecoder(String inputName, AVStream in, String kind) {
    AVCodec dc = avcodec_find_decoder(in.codecpar().codec_id());
    if (dc == null) {
      throw new MediaException(inputName + ": " + kind + " stream " + in.index()
          + " can be neither copied nor transcoded (no decoder)");
    }
    AVCodecContext dec = avcodec_alloc_context3(dc);
    avcodec_parameters_to_context(dec, in.codecpar());
    dec.pkt_timebase(in.time_base());
    check(inputName, in, kind, avcodec_open2(dec, dc, (AVDictionary) null));
    return dec;
  }

  static AVCodec encoder(String inputName, AVStream in, String kind, String encoderName) {
    AVCodec ec = avcodec_find_encoder_by_name(encoderName);
    if (ec == null) {
      throw new MediaException(inputName + ": " + kind + " stream " + in.index()
          + " can be neither copied nor transcoded (no " + encoderName + " encoder)");
    }
    return ec;
  }

  static void check(String inputName, AVStream in, String kind, int ret) {
    if (ret < 0) {
      throw new MediaException(inputName + ": cannot transcode " + kind + " stream " + in.index() + " ("
          + FfmpegError.describe(ret) + ")");
    }
  }
}
