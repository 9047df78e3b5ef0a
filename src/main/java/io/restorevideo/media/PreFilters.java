package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Archive pre-filters run in FFmpeg's filter graph on every decoded frame, before tracking: deinterlacing
 * (one frame per frame, so frame count and timestamps stay) and denoising. {@code --deinterlace auto}
 * deinterlaces when the stream's field order says interlaced, and otherwise asks FFmpeg's {@code idet} about
 * the first {@value #IDET_FRAMES} frames (field order flags are often missing or wrong on archive
 * transfers).
 */
public final class PreFilters {
  static final int IDET_FRAMES = 100;
  private static final double DEFAULT_HQDN3D = 4;
  private static final double DEFAULT_NLMEANS = 1;

  private PreFilters() {}

  /** Checks the option values; throws IllegalArgumentException with the option's name. */
  public static void validate(String deinterlace, String denoise) {
    if (deinterlace != null && !List.of("auto", "off", "bwdif", "yadif").contains(deinterlace.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("--deinterlace " + deinterlace + ": use auto, off, bwdif or yadif");
    }
    denoiseFilter(denoise);
  }

  /**
   * The filter graph description for {@code input} (already open as {@code in}), or null for none.
   *
   * @param deinterlace auto, off, bwdif or yadif (null: off)
   * @param denoise off, hqdn3d, nlmeans, optionally {@code =strength} (null: off)
   */
  public static String describe(String input, MediaInput in, String deinterlace, String denoise) {
    List<String> chain = new ArrayList<>();
    String mode = deinterlace == null ? "off" : deinterlace.toLowerCase(Locale.ROOT);
    String parity = null;
    if (mode.equals("auto")) {
      parity = interlacedParity(input, in);
      mode = parity == null ? "off" : "bwdif";
    } else if (!mode.equals("off")) {
      parity = fieldOrderParity(in.videoStream().codecpar().field_order());
    }
    if (!mode.equals("off")) {
      // deint=all: archive transfers often flag interlaced frames as progressive
      chain.add(mode + "=mode=send_frame:parity=" + (parity == null ? "auto" : parity) + ":deint=all");
    }
    String dn = denoiseFilter(denoise);
    if (dn != null) {
      chain.add(dn);
    }
    return chain.isEmpty() ? null : String.join(",", chain);
  }

  private static String denoiseFilter(String denoise) {
    if (denoise == null || denoise.equalsIgnoreCase("off")) {
      return null;
    }
    String[] kv = denoise.toLowerCase(Locale.ROOT).split("=", 2);
    double strength;
    try {
      strength = kv.length == 2 ? Double.parseDouble(kv[1]) : kv[0].equals("nlmeans") ? DEFAULT_NLMEANS : DEFAULT_HQDN3D;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--denoise " + denoise + ": the strength must be a number");
    }
    if (!(strength > 0 && strength <= 30)) {
      throw new IllegalArgumentException("--denoise " + denoise + ": the strength must be in (0, 30]");
    }
    return switch (kv[0]) {
      case "hqdn3d" -> String.format(Locale.ROOT, "hqdn3d=luma_spatial=%s", strength);
      case "nlmeans" -> String.format(Locale.ROOT, "nlmeans=s=%s", strength);
      default -> throw new IllegalArgumentException("--denoise " + denoise + ": use off, hqdn3d[=S] or nlmeans[=S]");
    };
  }

  private static String fieldOrderParity(int order) {
    if (order == AV_FIELD_TT || order == AV_FIELD_TB) {
      return "tff";
    }
    if (order == AV_FIELD_BB || order == AV_FIELD_BT) {
      return "bff";
    }
    return null;
  }

  /** tff or bff when the video is interlaced, null when progressive. */
  static String interlacedParity(String input, MediaInput in) {
    String flagged = fieldOrderParity(in.videoStream().codecpar().field_order());
    if (flagged != null || "-".equals(input)) {
      return flagged;
    }
    try (MediaInput probe = MediaInput.open(input)) {
      return idet(probe);
    }
  }

  /** FFmpeg's idet over the first frames: its multi-frame counts of tff, bff and progressive frames. */
  static String idet(MediaInput probe) {
    AVFrame frame = av_frame_alloc();
    AVFrame out = av_frame_alloc();
    try {
      if (!probe.nextFrame(frame, (p, s) -> {})) {
        return null;
      }
      try (VideoFilter f = new VideoFilter("idet", frame.width(), frame.height(), frame.format(),
          probe.videoStream().time_base(), probe.videoStream().codecpar().sample_aspect_ratio())) {
        long tff = 0;
        long bff = 0;
        long progressive = 0;
        int n = 0;
        boolean more = true;
        while (more && n < IDET_FRAMES) {
          f.push(frame);
          n++;
          while (f.pull(out)) {
            tff = count(out, "lavfi.idet.multiple.tff", tff);
            bff = count(out, "lavfi.idet.multiple.bff", bff);
            progressive = count(out, "lavfi.idet.multiple.progressive", progressive);
          }
          more = probe.nextFrame(frame, (p, s) -> {});
        }
        return tff + bff > progressive ? (tff >= bff ? "tff" : "bff") : null;
      }
    } finally {
      av_frame_free(frame);
      av_frame_free(out);
    }
  }

  private static long count(AVFrame f, String key, long otherwise) {
    AVDictionaryEntry e = av_dict_get(f.metadata(), key, null, 0);
    return e == null || e.isNull() ? otherwise : Math.round(Double.parseDouble(e.value().getString().trim()));
  }
}
