package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.nio.file.Path;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --deinterlace auto finds a combed clip and removes the combing; a progressive clip passes untouched. */
class PreFilterCommandTest {
  @TempDir Path dir;

  /** Share of frames FFmpeg's idet (multi-frame detection) calls interlaced. */
  private double interlacedShare(Path file) {
    String log = Ffmpeg.run(dir, "-i", file.toString(), "-map", "0:v:0", "-vf", "idet", "-f", "null", "-");
    Matcher m = Pattern.compile("Multi frame detection: TFF:\\s*(\\d+) BFF:\\s*(\\d+) Progressive:\\s*(\\d+)")
        .matcher(log);
    // ffmpeg configures the graph twice and prints a line per graph: the last one counted the frames
    MatchResult last = null;
    while (m.find()) {
      last = m.toMatchResult();
    }
    assertTrue(last != null, log);
    double tff = Double.parseDouble(last.group(1));
    double bff = Double.parseDouble(last.group(2));
    double prog = Double.parseDouble(last.group(3));
    return (tff + bff) / (tff + bff + prog);
  }

  @Test
  void autoDeinterlacesATopFieldFirstClip() {
    Path in = dir.resolve("combed.mkv");
    // fields from a fast scroll, woven top field first; ffv1 keeps the combing as it is
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=50", "-frames:v", "60", "-vf",
        "scroll=horizontal=0.02,interlace=scan=tff", "-c:v", "ffv1", in.toString());
    double before = interlacedShare(in);
    assertTrue(before > 0.5, "the test clip is combed: " + before);

    Path out = dir.resolve("out.mkv");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--no-faces", "--deinterlace", "auto", "--video-codec",
        "ffv1", "--quiet");
    assertEquals(0, r.exit(), r.err());
    double after = interlacedShare(out);
    System.out.printf("deinterlace auto: idet interlaced share %.3f -> %.3f%n", before, after);
    assertTrue(after < 0.05, "no combing left: " + after);
    assertEquals(Ffmpeg.videoFrameTimes(in), Ffmpeg.videoFrameTimes(out), "frame count and timestamps");
    assertTrue(Ffmpeg.streams(out).get(0).contains("progressive"), "flagged progressive: " + Ffmpeg.streams(out));
  }

  @Test
  void autoLeavesAProgressiveClipUntouched() {
    Path in = dir.resolve("progressive.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-frames:v", "30", "-vf",
        "scroll=horizontal=0.02", "-c:v", "ffv1", in.toString());
    Path out = dir.resolve("out.mkv");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--no-faces", "--deinterlace", "auto", "--video-codec",
        "ffv1", "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertEquals(Ffmpeg.videoFrameMd5(in), Ffmpeg.videoFrameMd5(out));
  }

  @Test
  void denoiseKeepsFramesAndRejectsABadStrength() {
    Path in = dir.resolve("noisy.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=160x128:rate=10", "-frames:v", "10", "-vf",
        "noise=alls=30:allf=t", "-c:v", "ffv1", in.toString());
    Path out = dir.resolve("out.mkv");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--no-faces", "--denoise", "hqdn3d=6", "--video-codec",
        "ffv1", "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertEquals(Ffmpeg.videoFrameTimes(in), Ffmpeg.videoFrameTimes(out));
    assertTrue(!Ffmpeg.videoFrameMd5(in).equals(Ffmpeg.videoFrameMd5(out)), "the frames changed");
    assertEquals(2, CliRun.of(in.toString(), dir.resolve("x.mkv").toString(), "--no-faces", "--denoise", "hqdn3d=x")
        .exit());
  }
}
