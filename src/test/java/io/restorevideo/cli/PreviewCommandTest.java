package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore-video preview INPUT OUT.png}: one PNG of N before/after pairs, and the faces found in --json. */
class PreviewCommandTest {
  private static final int W = 160;
  private static final int H = 128;

  @TempDir Path dir;

  private CliRun preview(Path in, Path png, String... extra) {
    List<String> args = new ArrayList<>(List.of("preview", in.toString(), png.toString(), "--json",
        "--only-center-face"));
    args.addAll(TinyModels.cliArgs(dir));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  /** Width and height of a PNG as ffmpeg reads it (independent of the code that wrote it). */
  private static int[] size(Path png) {
    String line = Ffmpeg.streams(png).stream().filter(l -> l.contains("Video:")).findFirst().orElseThrow();
    Matcher m = Pattern.compile(", (\\d+)x(\\d+)").matcher(line);
    assertTrue(m.find(), line);
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  @Test
  void writesASheetOfNPairsAndListsTheFaces() throws Exception {
    Path in = GroupClip.zoom(dir, W + "x" + H, 8);
    Path png = dir.resolve("sheet.png");
    CliRun r = preview(in, png, "--frames", "3");
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.readString(png, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("\u0089PNG"));
    int[] wh = size(png);
    assertEquals(2 * W, wh[0], "input left, restored right");
    assertEquals(3 * H, wh[1], "one row per frame");
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    JsonArray frames = o.getAsJsonArray("frames");
    assertEquals(3, frames.size());
    // 8 frames at 10 fps = 0.8 s, spread: the middles of three parts, 0.133, 0.4, 0.667 -> frames at 0.2, 0.4, 0.7
    assertEquals(0.2, frames.get(0).getAsJsonObject().get("seconds").getAsDouble(), 0.001);
    assertEquals(0.4, frames.get(1).getAsJsonObject().get("seconds").getAsDouble(), 0.001);
    assertEquals(0.7, frames.get(2).getAsJsonObject().get("seconds").getAsDouble(), 0.001);
    int faces = 0;
    for (int i = 0; i < frames.size(); i++) {
      faces += frames.get(i).getAsJsonObject().getAsJsonArray("faces").size();
    }
    assertTrue(faces > 0, "faces found: " + r.out());
    System.out.printf("preview: %dx%d sheet of %d pairs, %d faces%n", wh[0], wh[1], frames.size(), faces);
  }

  @Test
  void atGivesTheFramesAtThoseTimes() {
    Path in = GroupClip.zoom(dir, W + "x" + H, 8);
    Path png = dir.resolve("at.png");
    CliRun r = preview(in, png, "--at", "0.5,0.1");
    assertEquals(0, r.exit(), r.err());
    assertEquals(2 * H, size(png)[1]);
    JsonArray frames = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("frames");
    assertEquals(0.1, frames.get(0).getAsJsonObject().get("seconds").getAsDouble(), 0.001);
    assertEquals(0.5, frames.get(1).getAsJsonObject().get("seconds").getAsDouble(), 0.001);
  }
}
