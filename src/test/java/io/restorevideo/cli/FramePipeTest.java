package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.restorevideo.testutil.ChildCli;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ffmpeg ... - | restore-video - - --format F | ffmpeg -f F -i - ...} with faces on (tiny networks) for
 * the frame pipes y4m, nut and rawvideo: the same frames come out, restored, and stdout carries nothing but
 * the media. The frames are compared as raw YUV: each format is lossless, so a frame that differs from the
 * input was changed by the restore.
 */
class FramePipeTest {
  private static final int FRAMES = 4;
  private static final int W = 160;
  private static final int H = 128;
  private static final int FRAME_BYTES = W * H * 3 / 2;

  @TempDir Path dir;
  private Path clip;

  @BeforeEach
  void clip() {
    clip = GroupClip.zoom(dir, W + "x" + H, FRAMES);
  }

  private List<String> restoreArgs(String... extra) {
    List<String> args = new ArrayList<>(List.of("-", "-"));
    args.addAll(List.of(extra));
    args.addAll(TinyModels.cliArgs(dir));
    args.add("--only-center-face");
    args.addAll(List.of("--json", "--json-file", dir.resolve("summary.json").toString()));
    return args;
  }

  private long facesRestored() throws IOException {
    return JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject()
        .getAsJsonObject("faces").get("facesRestored").getAsLong();
  }

  /** The input's frames as raw yuv420p, as FFmpeg decodes them (independent of the code under test). */
  private byte[] rawFrames(Path file, String... inputOptions) {
    Path raw = dir.resolve(file.getFileName() + ".yuv");
    List<String> args = new ArrayList<>(List.of(inputOptions));
    args.addAll(List.of("-i", file.toString(), "-map", "0:v", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-y",
        raw.toString()));
    Ffmpeg.run(dir, args.toArray(String[]::new));
    try {
      return Files.readAllBytes(raw);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** How many of the frames differ between two raw yuv420p streams of equal length. */
  private static int changedFrames(byte[] a, byte[] b) {
    assertEquals(a.length, b.length, "same number of raw bytes");
    int changed = 0;
    for (int f = 0; f < a.length / FRAME_BYTES; f++) {
      int from = f * FRAME_BYTES;
      if (!Arrays.equals(a, from, from + FRAME_BYTES, b, from, from + FRAME_BYTES)) {
        changed++;
      }
    }
    return changed;
  }

  @Test
  void y4mPipeKeepsEveryFrameRestoresFacesAndWritesOnlyMediaOnStdout() throws IOException {
    Path out = dir.resolve("out.y4m");
    ChildCli.Result r = ChildCli.piped(dir, List.of("-i", clip.toString(), "-f", "yuv4mpegpipe", "-"), out,
        restoreArgs("--format", "y4m"));
    assertEquals(0, r.exit(), r.err());
    byte[] bytes = Files.readAllBytes(out);
    // stdout is exactly one y4m stream: its header line, then FRAME_BYTES per "FRAME\n"
    String header = new String(bytes, 0, indexOf(bytes, (byte) '\n'), StandardCharsets.US_ASCII);
    assertTrue(header.startsWith("YUV4MPEG2 W" + W + " H" + H + " F10:1"), header);
    assertEquals(header.length() + 1 + FRAMES * (6 + FRAME_BYTES), bytes.length, "nothing but the y4m stream");
    Path mkv = dir.resolve("from-pipe.mkv");
    Ffmpeg.run(dir, "-f", "yuv4mpegpipe", "-i", out.toString(), "-c:v", "ffv1", mkv.toString());
    assertEquals(FRAMES, Ffmpeg.videoFrameTimes(mkv).size(), "frames through the whole pipe");
    int changed = changedFrames(rawFrames(clip), rawFrames(out));
    assertTrue(changed >= FRAMES / 2, "frames with restored faces: " + changed);
    assertTrue(facesRestored() > 0);
    System.out.printf("y4m: %d of %d frames changed, %d faces restored, %d bytes on stdout%n", changed, FRAMES,
        facesRestored(), bytes.length);
    QuietLogTest.assertQuiet(r.err());
  }

  @Test
  void nutPipeCarriesRestoredFramesAndTheAudio() throws IOException {
    Path out = dir.resolve("out.nut");
    ChildCli.Result r = ChildCli.piped(dir, List.of("-i", clip.toString(), "-c:v", "rawvideo", "-c:a", "copy", "-f",
        "nut", "-"), out, restoreArgs("--format", "nut"));
    assertEquals(0, r.exit(), r.err());
    assertEquals("", Ffmpeg.decodeErrors(out), "stdout decodes cleanly as nut");
    assertEquals(FRAMES, Ffmpeg.videoFrameTimes(out).size());
    assertTrue(Ffmpeg.streams(out).stream().anyMatch(l -> l.contains("Audio: aac")), Ffmpeg.streams(out).toString());
    assertEquals(Ffmpeg.audioPacketsMd5(clip, 0), Ffmpeg.audioPacketsMd5(out, 0), "audio copied through the pipe");
    Path mkv = dir.resolve("from-pipe.mkv");
    Ffmpeg.run(dir, "-f", "nut", "-i", out.toString(), "-c:v", "ffv1", "-c:a", "copy", mkv.toString());
    assertEquals(FRAMES, Ffmpeg.videoFrameTimes(mkv).size());
    int changed = changedFrames(rawFrames(clip), rawFrames(out));
    assertTrue(changed >= FRAMES / 2, "frames with restored faces: " + changed);
    System.out.printf("nut: %d of %d frames changed, %d faces restored%n", changed, FRAMES, facesRestored());
  }

  @Test
  void rawvideoPipeWithItsInputOptions() throws IOException {
    Path out = dir.resolve("out.yuv");
    ChildCli.Result r = ChildCli.piped(dir, List.of("-i", clip.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", "-"),
        out, restoreArgs("--format", "rawvideo", "--input-size", W + "x" + H, "--input-pix-fmt", "yuv420p",
            "--input-rate", "10"));
    assertEquals(0, r.exit(), r.err());
    byte[] got = Files.readAllBytes(out);
    assertEquals(FRAMES * FRAME_BYTES, got.length, "stdout holds the frames and nothing else");
    Path mkv = dir.resolve("from-pipe.mkv");
    Ffmpeg.run(dir, "-f", "rawvideo", "-s", W + "x" + H, "-pix_fmt", "yuv420p", "-r", "10", "-i", out.toString(),
        "-c:v", "ffv1", mkv.toString());
    assertEquals(FRAMES, Ffmpeg.videoFrameTimes(mkv).size());
    int changed = changedFrames(rawFrames(clip), got);
    assertTrue(changed >= FRAMES / 2, "frames with restored faces: " + changed);
    System.out.printf("rawvideo: %d of %d frames changed, %d faces restored, %d bytes on stdout%n", changed, FRAMES,
        facesRestored(), got.length);
  }

  @Test
  void jsonOnAStdoutThatCarriesTheVideoIsAUsageError() {
    CliRun r = CliRun.of(clip.toString(), "-", "--format", "y4m", "--json", "--no-faces");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--json-file"), r.err());
    assertEquals("", r.out(), "nothing on stdout");
  }

  @Test
  void rawvideoInputWithoutItsSizeIsAUsageError() {
    CliRun r = CliRun.of(clip.toString(), dir.resolve("x.mkv").toString(), "--input-format", "rawvideo",
        "--no-faces");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--input-size"), r.err());
    assertFalse(Files.exists(dir.resolve("x.mkv")));
  }

  private static int indexOf(byte[] b, byte v) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
