package io.restorevideo.cli.options;

import io.restorevideo.api.VideoJob;
import picocli.CommandLine.Option;

/** Encoding and output options of the video path: a picocli mixin so that other option groups merge beside it. */
public final class VideoOptions {
  @Option(names = "--video-codec", paramLabel = "NAME",
      description = "Video encoder (FFmpeg name, e.g. libx264, libx265, libvpx-vp9, ffv1, mpeg4). Default: "
          + "libvpx-vp9 for webm, mpeg4 for avi, libx265 for input deeper than 8 bits, libx264 otherwise.")
  public String videoCodec;

  @Option(names = "--crf", paramLabel = "N",
      description = "Constant quality for libx264/libx265/libvpx (lower is better; default 18). "
          + "Encoders without CRF (mpeg4) use the quantiser N/9.")
  public Integer crf;

  @Option(names = "--encoder-preset", paramLabel = "NAME",
      description = "Speed/size trade-off: x264/x265 preset (ultrafast ... veryslow), or libvpx deadline "
          + "(realtime, good, best). Default: the encoder's own.")
  public String encoderPreset;

  @Option(names = "--pix-fmt", paramLabel = "FMT",
      description = "Output pixel format (e.g. yuv420p, yuv420p10le). Default: the input's when the encoder "
          + "supports it (10-bit stays 10-bit), else the closest one.")
  public String pixFmt;

  @Option(names = "--format", paramLabel = "FMT",
      description = "Output format: the containers mp4, mov, mkv, webm, avi, or the frame pipes y4m "
          + "(yuv4mpegpipe), nut (raw frames plus audio) and rawvideo (bare frames, video only). Default: from "
          + "OUTPUT's extension; required when OUTPUT is '-'.")
  public String format;

  @Option(names = "--deinterlace", paramLabel = "MODE", defaultValue = "off",
      description = "Deinterlace before the faces are found: auto (when the stream's field order says "
          + "interlaced, else when FFmpeg's idet finds most of the first 100 frames interlaced), off, bwdif or "
          + "yadif. One frame per frame: frame count and timestamps stay; the output is flagged progressive "
          + "(default: ${DEFAULT-VALUE}).")
  public String deinterlace;

  @Option(names = "--denoise", paramLabel = "FILTER", defaultValue = "off",
      description = "Denoise before the faces are found: off, hqdn3d or nlmeans, optionally with a strength "
          + "(hqdn3d=4: luma spatial strength, default 4; nlmeans=1: default 1, slow) (default: ${DEFAULT-VALUE}).")
  public String denoise;

  @Option(names = "--allow-partial",
      description = "Keep the output of an input that ends early (truncated or corrupt), with a warning, "
          + "and exit 0; without it such a run fails and writes nothing.")
  public boolean allowPartial;

  @Option(names = "--quiet", description = "No progress line on stderr (warnings and errors still show).")
  public boolean quiet;

  @Option(names = "--json", description = "Print a summary object on stdout when done: input and output "
      + "streams, frames, seconds, fps, stage seconds, warnings, and with faces: faces restored, tracks, keyframes, "
      + "batches, landmark jitter with and without smoothing; for images, per image the output size, each "
      + "face's box and score, warnings, and a folder's failed images.")
  public boolean json;

  @Option(names = "--json-file", paramLabel = "FILE",
      description = "Write the --json summary to FILE instead of stdout (implies --json); needed when OUTPUT is '-', "
          + "since stdout then carries the video.")
  public java.nio.file.Path jsonFile;

  @Option(names = "--progress", paramLabel = "MODE",
      description = "Progress report: 'json' (one JSON object per line on stderr: frames, totalFrames, fps, faces, "
          + "busy share of each stage, etaSeconds), FILE (the same lines into FILE), '-' (on stdout, not with "
          + "OUTPUT '-'), 'line' (the human line), or 'none'. Default: the human line when stderr is a terminal, "
          + "else none.")
  public String progress;

  @Option(names = "--progress-every", paramLabel = "S", defaultValue = "1",
      description = "Seconds between progress reports (default: ${DEFAULT-VALUE}).")
  public double progressEvery;

  /** A job builder with these options applied. */
  public VideoJob.Builder apply(VideoJob.Builder b) {
    if (crf != null && crf < 0) {
      throw new IllegalArgumentException("--crf must be >= 0");
    }
    return b.videoCodec(videoCodec).crf(crf).encoderPreset(encoderPreset).pixelFormat(pixFmt).format(format)
        .allowPartial(allowPartial).deinterlace(deinterlace).denoise(denoise);
  }
}
