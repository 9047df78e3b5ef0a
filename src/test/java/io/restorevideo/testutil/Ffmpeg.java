package io.restorevideo.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;

/**
 * The ffmpeg executable shipped in the bytedeco jar, for making test clips and inspecting outputs
 * independently of the code under test (the jar has no ffprobe, so inspection parses ffmpeg's own reports).
 */
public final class Ffmpeg {
  private static String exe;

  private Ffmpeg() {}

  public static synchronized String exe() {
    if (exe == null) {
      exe = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }
    return exe;
  }

  /** Runs ffmpeg with the given arguments; returns stdout+stderr; fails the test on a non-zero exit. */
  public static String run(Path dir, String... args) {
    Result r = tryRun(dir, args);
    if (r.exit != 0) {
      throw new AssertionError("ffmpeg " + String.join(" ", args) + " exited " + r.exit + ":\n" + r.output);
    }
    return r.output;
  }

  public record Result(int exit, String output) {}

  public static Result tryRun(Path dir, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(exe());
    cmd.add("-hide_banner");
    cmd.add("-nostdin");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(p.waitFor(), out);
    } catch (IOException e) {
      throw new AssertionError("cannot run ffmpeg: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Presentation times (seconds) of every decoded frame of the first video stream, in output order. */
  public static List<Double> videoFrameTimes(Path file) {
    String log = run(file.getParent(), "-i", file.toString(), "-map", "0:v:0", "-vf", "showinfo", "-f", "null", "-");
    List<Double> times = new ArrayList<>();
    Matcher m = Pattern.compile("pts_time:\\s*(-?[0-9.]+)").matcher(log);
    while (m.find()) {
      times.add(Double.parseDouble(m.group(1)));
    }
    return times;
  }

  /**
   * The earliest packet presentation time (seconds) of each stream, by stream index, as stored in the file
   * ({@code -copyts}: no shift). Differences between streams are the file's audio/video sync.
   */
  public static Map<Integer, Double> firstPacketTimes(Path file) {
    String log = run(file.getParent(), "-v", "error", "-copyts", "-i", file.toString(), "-map", "0", "-c", "copy",
        "-f", "framecrc", "-");
    Map<Integer, Double> timeBase = new TreeMap<>();
    Matcher tb = Pattern.compile("(?m)^#tb (\\d+): (\\d+)/(\\d+)$").matcher(log);
    while (tb.find()) {
      timeBase.put(Integer.parseInt(tb.group(1)), Double.parseDouble(tb.group(2)) / Double.parseDouble(tb.group(3)));
    }
    Map<Integer, Double> first = new TreeMap<>();
    Matcher pkt = Pattern.compile("(?m)^(\\d+),\\s*(-?\\d+),\\s*(-?\\d+),").matcher(log);
    while (pkt.find()) {
      int stream = Integer.parseInt(pkt.group(1));
      double t = Long.parseLong(pkt.group(3)) * timeBase.get(stream);
      first.merge(stream, t, Math::min);
    }
    return first;
  }

  /** Errors ffmpeg reports when decoding the video and audio streams (empty when they decode cleanly). */
  public static String decodeErrors(Path file) {
    Result r = tryRun(file.getParent(), "-v", "error", "-i", file.toString(), "-map", "0:v", "-map", "0:a?", "-f",
        "null", "-");
    return r.exit == 0 ? r.output.strip() : "exit " + r.exit + ": " + r.output.strip();
  }

  /** ffmpeg's framemd5 lines (stream, dts, pts, duration, size, md5) of the decoded first video stream. */
  public static List<String> videoFrameMd5(Path file) {
    return run(file.getParent(), "-v", "error", "-i", file.toString(), "-map", "0:v:0", "-f", "framemd5", "-").lines()
        .filter(l -> !l.startsWith("#")).toList();
  }

  /** md5 of the packets of audio stream n, copied as they are (identical packets give identical sums). */
  public static String audioPacketsMd5(Path file, int n) {
    String out = run(file.getParent(), "-v", "error", "-i", file.toString(), "-map", "0:a:" + n, "-c", "copy", "-f",
        "md5", "-");
    return out.strip();
  }

  /** The "Stream #0:N..." lines of ffmpeg's description of the file, each followed by its side-data lines. */
  public static List<String> streams(Path file) {
    Result r = tryRun(file.getParent(), "-i", file.toString());
    List<String> lines = new ArrayList<>();
    for (String line : r.output.split("\n")) {
      String t = line.strip();
      if (t.startsWith("Stream #")) {
        lines.add(t);
      } else if (!lines.isEmpty() && (t.startsWith("displaymatrix") || t.startsWith("Side data"))) {
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " | " + t);
      }
    }
    return lines;
  }
}
