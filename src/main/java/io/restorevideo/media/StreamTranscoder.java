package io.restorevideo.media;

import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** Re-encodes one copied stream whose codec the container refuses; encoded packets go to its sink. */
interface StreamTranscoder extends AutoCloseable {
  /** The opened encoder; packets it produces carry timestamps in its time base. */
  AVCodecContext encoder();

  /** Feeds one packet of the input stream. */
  void push(AVPacket pkt);

  /** Drains what is buffered at the end of the input. */
  void finish();

  @Override
  void close();
}
