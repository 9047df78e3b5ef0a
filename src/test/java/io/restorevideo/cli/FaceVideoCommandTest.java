package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore-video in.mp4 out.mp4 -w 0.8} with faces on, through the command line, with the tiny models. */
class FaceVideoCommandTest {
  @TempDir Path dir;

  private CliRun run(Path in, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of(in.toString(), out.toString(), "--quiet", "--json"));
    args.addAll(TinyModels.cliArgs(dir));
    // the tiny detector finds dozens of faces; the centre one keeps the test fast
    args.add("--only-center-face");
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static int[] size(Path file) {
    String line = Ffmpeg.streams(file).stream().filter(l -> l.contains("Video:")).findFirst().orElseThrow();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(", (\\d+)x(\\d+)").matcher(line);
    assertTrue(m.find(), line);
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  @Test
  void facesOnKeepFramesTimestampsAndAudioAndReportTheFaceWork() {
    Path in = GroupClip.zoom(dir, "256x192", 12);
    Path out = dir.resolve("out.mp4");
    CliRun r = run(in, out, "-w", "0.8");
    assertEquals(0, r.exit(), r.err());
    assertEquals(Ffmpeg.videoFrameTimes(in), Ffmpeg.videoFrameTimes(out), "frame count and timestamps");
    assertEquals(Ffmpeg.audioPacketsMd5(in, 0), Ffmpeg.audioPacketsMd5(out, 0), "audio copied bit for bit");
    assertEquals(List.of(256, 192), List.of(size(out)[0], size(out)[1]), "video default -s 1 keeps the size");
    JsonObject faces = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("faces");
    assertTrue(faces.get("facesRestored").getAsLong() > 0, r.out());
    assertTrue(faces.get("tracks").getAsInt() > 0, r.out());
    // --detect-every 5 by default on 12 frames: frames 0, 5 and 10
    assertEquals(3, faces.get("keyframes").getAsLong(), r.out());
    assertTrue(faces.get("batches").getAsLong() > 0, r.out());
    assertTrue(faces.has("jitter") && faces.has("jitterUnsmoothed"), r.out());
  }

  @Test
  void upscaleTwoWithRealEsrganDoublesTheSizeAndKeepsFramesTimestampsAndAudio() {
    Path in = GroupClip.zoom(dir, "160x128", 6);
    Path out = dir.resolve("up.mp4");
    CliRun r = run(in, out, "-s", "2", "--bg-upsampler", "realesrgan", "--no-parse");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(320, 256), List.of(size(out)[0], size(out)[1]));
    assertEquals(Ffmpeg.videoFrameTimes(in), Ffmpeg.videoFrameTimes(out), "frame count and timestamps");
    assertEquals(Ffmpeg.audioPacketsMd5(in, 0), Ffmpeg.audioPacketsMd5(out, 0), "audio copied bit for bit");
  }

  @Test
  void presetSetsOptionsButExplicitOnesWin() {
    Path in = GroupClip.zoom(dir, "160x128", 6);
    CliRun fast = run(in, dir.resolve("fast.mp4"), "--preset", "fast", "--no-parse");
    assertEquals(0, fast.exit(), fast.err());
    JsonObject f = JsonParser.parseString(fast.out()).getAsJsonObject().getAsJsonObject("faces");
    // fast detects every 10th frame: frame 0 only in 6 frames
    assertEquals(1, f.get("keyframes").getAsLong(), fast.out());
    CliRun explicit = run(in, dir.resolve("explicit.mp4"), "--preset", "fast", "--detect-every", "2");
    assertEquals(0, explicit.exit(), explicit.err());
    JsonObject e = JsonParser.parseString(explicit.out()).getAsJsonObject().getAsJsonObject("faces");
    assertEquals(3, e.get("keyframes").getAsLong(), explicit.out());
  }

  @Test
  void theDefaultPresetKeepsAVideosSizeAsNoPresetDoes() {
    Path in = GroupClip.zoom(dir, "160x128", 3);
    Path out = dir.resolve("default.mp4");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--quiet", "--no-faces", "--preset", "default");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of(160, 128), List.of(size(out)[0], size(out)[1]));
  }

  @Test
  void everyBuiltInPresetAppliesOnTheCommandLine() {
    Path in = GroupClip.zoom(dir, "160x128", 3);
    for (String name : io.restorevideo.api.Preset.names()) {
      CliRun r = CliRun.of(in.toString(), dir.resolve(name + ".mp4").toString(), "--quiet", "--no-faces",
          "--preset", name);
      assertEquals(0, r.exit(), name + ": " + r.err());
    }
  }

  @Test
  void aPresetValueOutsideAnOptionsChoicesIsAOneLineError() throws java.io.IOException {
    Path in = GroupClip.zoom(dir, "160x128", 3);
    Path preset = java.nio.file.Files.writeString(dir.resolve("mine.properties"), "bg-upsampler=waifu\n");
    CliRun r = CliRun.of(in.toString(), dir.resolve("o.mp4").toString(), "--quiet", "--no-faces", "--preset",
        preset.toString());
    assertTrue(r.exit() != 0, r.err());
    assertTrue(r.err().strip().contains("bg-upsampler=waifu is not a valid value (expected one of [none, realesrgan])"),
        r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void unknownPresetIsAUsageError() {
    CliRun r = CliRun.of(dir.resolve("x.mp4").toString(), dir.resolve("y.mp4").toString(), "--preset", "nope");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("unknown preset 'nope'"), r.err());
  }

  @Test
  void helpListsThePresetsAndTheVideoFaceOptions() {
    CliRun r = CliRun.of("--help");
    assertEquals(0, r.exit());
    for (String s : List.of("--detect-every", "--smoothing", "--preset", "--no-faces", "--bg-upsampler",
        "archive-film", "fidelity", "quality", "fast")) {
      assertTrue(r.out().contains(s), "--help mentions " + s);
    }
  }
}
