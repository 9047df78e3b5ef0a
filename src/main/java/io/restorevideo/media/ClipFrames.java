package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes the video frames of a clip to BGR Mats, one after the other, for measurements that need pixels but
 * not the streaming pipeline (no ring, no encoder, no packet copy).
 */
public final class ClipFrames {
  /** Receives each frame; the Mat is reused for the next frame, so copy what must outlive the call. */
  public interface Sink {
    void frame(long index, double seconds, Mat bgr);
  }

  static {
    // the grabber dumps the stream list at info level; keep stderr to errors as MediaInput does
    av_log_set_level(AV_LOG_ERROR);
  }

  private ClipFrames() {}

  /** Decodes at most {@code maxFrames} frames of {@code clip} (0 = all); returns how many were decoded. */
  public static long forEach(String clip, long maxFrames, Sink sink) {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip);
        OpenCVFrameConverter.ToMat toMat = new OpenCVFrameConverter.ToMat()) {
      grabber.start();
      long n = 0;
      Frame f;
      while ((maxFrames == 0 || n < maxFrames) && (f = grabber.grabImage()) != null) {
        sink.frame(n++, f.timestamp / 1e6, toMat.convert(f));
      }
      grabber.stop();
      return n;
    } catch (FrameGrabber.Exception e) {
      throw new MediaException(clip + ": cannot decode: " + e.getMessage(), e);
    }
  }
}
