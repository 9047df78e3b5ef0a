package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.BatchClips;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.GroupClip;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch --master local[2]} (Spark embedded, two task threads) on a folder of three clips writes, frame for
 * frame and audio packet for packet, what the in-process batch writes: without faces, and with the tiny
 * networks detecting on every frame.
 */
class SparkLocalBatchTest {
  @TempDir Path dir;

  private Path clip(Path folder, String name, String pattern) throws Exception {
    return BatchClips.twoSeconds(dir, folder.resolve(name), pattern);
  }

  /** Runs the batch of {@code in} into {@code out} with {@code options}; returns its --json report. */
  private static JsonObject batch(Path in, Path out, List<String> options) {
    List<String> args = new ArrayList<>(List.of("batch", in.toString(), "-o", out.toString(), "--json", "--quiet",
        "--format", "mkv", "--video-codec", "ffv1"));
    args.addAll(options);
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exit(), String.join(" ", args) + "\n" + r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  /** The reports of the in-process batch into dir/local and of the same batch on local[2] into dir/spark. */
  private JsonObject[] inProcessThenSpark(Path in, List<String> options) {
    JsonObject local = batch(in, dir.resolve("local"), options);
    List<String> spark = new ArrayList<>(options);
    spark.addAll(List.of("--master", "local[2]"));
    return new JsonObject[] {local, batch(in, dir.resolve("spark"), spark)};
  }

  private static void assertSameOutputs(Path in, List<Path> sources, Path local, Path spark) {
    for (Path src : sources) {
      String name = in.relativize(src).toString();
      String output = name.substring(0, name.lastIndexOf('.')) + ".mkv";
      Path expected = local.resolve(output);
      Path actual = spark.resolve(output);
      List<String> frames = Ffmpeg.videoFrameMd5(expected);
      assertTrue(frames.size() >= 3, "the in-process batch wrote " + expected);
      assertEquals(frames, Ffmpeg.videoFrameMd5(actual), "decoded frames and timestamps of " + actual);
      assertEquals(Ffmpeg.audioPacketsMd5(expected, 0), Ffmpeg.audioPacketsMd5(actual, 0), "audio packets of " + actual);
    }
  }

  private static long faces(JsonObject report) {
    long n = 0;
    JsonArray videos = report.getAsJsonArray("videos");
    for (int i = 0; i < videos.size(); i++) {
      n += videos.get(i).getAsJsonObject().get("faces").getAsLong();
    }
    return n;
  }

  @Test
  void facelessFolderOfThreeClipsMatchesTheInProcessBatch() throws Exception {
    Path in = dir.resolve("in");
    List<Path> sources = List.of(clip(in, "a.mp4", "testsrc"), clip(in.resolve("sub"), "b.mov", "testsrc2"),
        clip(in, "c.mkv", "smptebars"));
    List<String> options = List.of("--no-faces", "--segment-seconds", "0.5");
    JsonObject[] runs = inProcessThenSpark(in, options);
    JsonObject local = runs[0];
    JsonObject report = runs[1];

    List<String> spark = new ArrayList<>(options);
    spark.addAll(List.of("--master", "local[2]"));
    assertEquals(3, report.get("done").getAsInt(), report.toString());
    assertEquals(12, report.get("segmentsRun").getAsInt(), "four segments per 2 s clip, one task each: " + report);
    assertEquals(local.get("segmentsRun"), report.get("segmentsRun"));
    assertSameOutputs(in, sources, dir.resolve("local"), dir.resolve("spark"));

    JsonObject again = batch(in, dir.resolve("spark"), spark);
    assertEquals(3, again.get("upToDate").getAsInt(), "the same command again finds everything done: " + again);
    assertEquals(0, again.get("segmentsRun").getAsInt(), again.toString());
  }

  @Test
  void tinyNetworksOnEveryFrameMatchTheInProcessBatch() throws Exception {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    List<Path> sources = new ArrayList<>();
    String[][] clips = {{"160x128", "3"}, {"128x160", "3"}, {"176x144", "4"}};
    for (String[] c : clips) {
      Path zoom = GroupClip.zoom(dir, c[0], Integer.parseInt(c[1]));
      Path src = in.resolve("faces-" + c[0] + ".mp4");
      // a keyframe on every frame: one segment, and so one Spark task, per frame
      Ffmpeg.run(dir, "-i", zoom.toString(), "-c:v", "libx264", "-preset", "ultrafast", "-g", "1", "-c:a", "copy",
          src.toString());
      sources.add(src);
    }
    List<String> options = new ArrayList<>(TinyModels.cliArgs(dir));
    options.addAll(List.of("--detect-every", "1", "--smoothing", "0", "--offline", "--only-center-face",
        "--segment-seconds", "0.1",
        "--segment-warmup", "1"));
    JsonObject[] runs = inProcessThenSpark(in, options);
    JsonObject local = runs[0];
    JsonObject report = runs[1];

    assertEquals(3, report.get("done").getAsInt(), report.toString());
    assertEquals(10, report.get("segmentsRun").getAsInt(), "a task per frame: " + report);
    assertTrue(faces(report) > 0, "faces were restored: " + report);
    assertEquals(faces(local), faces(report), "faces restored, in-process and on Spark");
    assertSameOutputs(in, sources, dir.resolve("local"), dir.resolve("spark"));
  }
}
