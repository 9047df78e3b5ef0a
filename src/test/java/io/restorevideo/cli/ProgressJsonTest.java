package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --progress json|FILE}: one JSON object per line whose frame counts rise to the total. */
class ProgressJsonTest {
  private static final int FRAMES = 3;

  @TempDir Path dir;

  private static List<JsonObject> parse(String text) {
    List<JsonObject> lines = new ArrayList<>();
    text.lines().filter(l -> !l.isBlank()).forEach(l -> lines.add(JsonParser.parseString(l).getAsJsonObject()));
    return lines;
  }

  private static void assertRisesToTheTotal(List<JsonObject> lines) {
    assertTrue(lines.size() >= 2, "several reports: " + lines);
    long previous = 0;
    for (JsonObject o : lines) {
      long frames = o.get("frames").getAsLong();
      assertTrue(frames >= previous, "frames never go back: " + lines);
      previous = frames;
      assertTrue(o.has("fps") && o.has("busy") && o.has("etaSeconds") && o.has("faces"), o.toString());
    }
    JsonObject last = lines.get(lines.size() - 1);
    assertTrue(last.get("done").getAsBoolean(), last.toString());
    assertEquals(FRAMES, last.get("frames").getAsLong());
    assertEquals(FRAMES, last.get("totalFrames").getAsLong());
    assertTrue(lines.get(0).get("totalFrames").getAsLong() == FRAMES, "the total is known from the start");
  }

  @Test
  void jsonLinesOnStderrAndInAFileRiseToTheTotal() throws IOException {
    Path in = GroupClip.zoom(dir, "160x128", FRAMES);
    List<String> args = new ArrayList<>(List.of(in.toString(), dir.resolve("out.mp4").toString(), "--progress", "json",
        "--progress-every", "0.2", "--only-center-face"));
    args.addAll(TinyModels.cliArgs(dir));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    List<JsonObject> lines = parse(r.err().lines().filter(l -> l.startsWith("{")).reduce("", (a, b) -> a + b + "\n"));
    assertRisesToTheTotal(lines);
    JsonObject last = lines.get(lines.size() - 1);
    assertTrue(last.get("faces").getAsLong() > 0, "faces counted: " + last);
    assertTrue(last.getAsJsonObject("busy").has("decode") && last.getAsJsonObject("busy").has("encode"), last.toString());
    System.out.printf("--progress json: %d lines, last %s%n", lines.size(), last);

    Path file = dir.resolve("progress.jsonl");
    CliRun toFile = CliRun.of(in.toString(), dir.resolve("out2.mp4").toString(), "--no-faces", "--progress",
        file.toString(), "--progress-every", "0.02");
    assertEquals(0, toFile.exit(), toFile.err());
    assertTrue(!toFile.err().contains("{"), "the file gets the lines, not stderr: " + toFile.err());
    List<JsonObject> fileLines = parse(Files.readString(file));
    assertTrue(fileLines.size() >= 1 && fileLines.get(fileLines.size() - 1).get("done").getAsBoolean());
    assertEquals(-1, fileLines.get(0).get("faces").getAsLong(), "no face stages: -1");
  }
}
