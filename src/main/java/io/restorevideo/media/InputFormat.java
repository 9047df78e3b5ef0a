package io.restorevideo.media;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How to read an input that FFmpeg cannot recognise by probing: the demuxer and its options. Raw video has
 * no header, so it needs the picture size, pixel format and frame rate; y4m and nut name themselves and
 * need nothing (naming them only skips the probe).
 *
 * @param demuxer FFmpeg demuxer name (rawvideo, yuv4mpegpipe, nut, ...)
 * @param options demuxer options (video_size, pixel_format, framerate for raw video)
 */
public record InputFormat(String demuxer, Map<String, String> options) {
  private static final Map<String, String> ALIASES = Map.of("y4m", "yuv4mpegpipe", "mkv", "matroska");

  public InputFormat {
    options = Map.copyOf(options);
  }

  /** A named format without options ({@code y4m} and {@code mkv} are accepted for FFmpeg's names). */
  public static InputFormat named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return new InputFormat(ALIASES.getOrDefault(n, n), Map.of());
  }

  /**
   * Raw frames of {@code size} (WxH), {@code pixelFormat} (FFmpeg name) at {@code rate} (frames per second,
   * a number or a fraction like 30000/1001).
   */
  public static InputFormat rawVideo(String size, String pixelFormat, String rate) {
    if (size == null || !size.matches("[1-9][0-9]*x[1-9][0-9]*")) {
      throw new MediaException("--input-size " + size + ": expected WIDTHxHEIGHT, e.g. 1920x1080");
    }
    if (pixelFormat == null || org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt(pixelFormat) < 0) {
      throw new MediaException("--input-pix-fmt " + pixelFormat + ": unknown pixel format (e.g. yuv420p, rgb24)");
    }
    if (rate == null || !rate.matches("[0-9]+(\\.[0-9]+)?(/[1-9][0-9]*)?") || Double.parseDouble(rate.split("/")[0]) == 0) {
      throw new MediaException("--input-rate " + rate + ": expected frames per second, e.g. 25 or 30000/1001");
    }
    Map<String, String> o = new LinkedHashMap<>();
    o.put("video_size", size);
    o.put("pixel_format", pixelFormat);
    o.put("framerate", rate);
    return new InputFormat("rawvideo", o);
  }
}
