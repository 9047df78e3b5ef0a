package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** FFmpeg error codes as readable text for one-line messages. */
final class FfmpegError {
  private FfmpegError() {}

  static String describe(int code) {
    byte[] buf = new byte[256];
    av_strerror(code, buf, buf.length);
    int n = 0;
    while (n < buf.length && buf[n] != 0) {
      n++;
    }
    String s = new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8).trim();
    return s.isEmpty() ? "FFmpeg error " + code : s;
  }
}
