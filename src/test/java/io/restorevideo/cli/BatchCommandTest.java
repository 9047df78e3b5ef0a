package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.BatchClips;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch}: sources, mirrored outputs, a bad input that does not stop the batch, reruns, the lock. */
class BatchCommandTest {
  @TempDir Path dir;

  /** A 2 s clip at 10 fps with a keyframe every 5 frames and AAC audio. */
  private Path clip(Path folder, String name, String pattern) throws Exception {
    return BatchClips.twoSeconds(dir, folder.resolve(name), pattern);
  }

  @Test
  void folderWithABadFileFailsOnlyThatFileAndKeepsTheOthersExact() throws Exception {
    Path in = dir.resolve("in");
    List<Path> good = List.of(clip(in, "a.mp4", "testsrc"), clip(in.resolve("sub"), "b.mov", "testsrc2"),
        clip(in.resolve("sub/deeper"), "c.mkv", "smptebars"));
    Files.writeString(in.resolve("broken.mp4"), "this is not a video");
    Files.writeString(in.resolve("notes.txt"), "not a video extension: ignored");
    Path out = dir.resolve("out");

    // two workers take the segments of the three videos in parallel
    CliRun r = CliRun.of("batch", in.toString(), "-o", out.toString(), "--no-faces", "--segment-seconds", "0.5",
        "--jobs", "2", "--json", "--quiet");

    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("broken.mp4"), r.err());
    JsonObject json = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(3, json.get("done").getAsInt(), r.out());
    assertEquals(1, json.get("failed").getAsInt(), r.out());
    assertEquals(12, json.get("segmentsRun").getAsInt(), "four segments per 2 s clip: " + r.out());
    for (Path src : good) {
      Path result = out.resolve(in.relativize(src));
      assertTrue(Files.exists(result), "mirrored output " + result + "\n" + r.err());
      assertEquals(Ffmpeg.videoFrameTimes(src), Ffmpeg.videoFrameTimes(result), "frame count and times of " + src);
      assertEquals(Ffmpeg.audioPacketsMd5(src, 0), Ffmpeg.audioPacketsMd5(result, 0), "audio packets of " + src);
      assertEquals("", Ffmpeg.decodeErrors(result), "decodes cleanly: " + result);
    }
    assertFalse(Files.exists(out.resolve("broken.mp4")));
    assertFalse(Files.exists(out.resolve("notes.txt")));
  }

  @Test
  void rerunDoesNothingAndAChangedFidelityRedoesTheVideos() throws Exception {
    Path in = dir.resolve("in");
    clip(in, "a.mp4", "testsrc");
    Path out = dir.resolve("out");
    String[] args = {"batch", in.toString(), "-o", out.toString(), "--no-faces", "--json", "--quiet"};
    assertEquals(0, CliRun.of(args).exit());

    CliRun again = CliRun.of(args);
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.err().contains("nothing to do"), again.err());
    JsonObject json = JsonParser.parseString(again.out()).getAsJsonObject();
    assertEquals(1, json.get("upToDate").getAsInt(), again.out());
    assertEquals(0, json.get("segmentsRun").getAsInt(), again.out());

    CliRun changed = CliRun.of("batch", in.toString(), "-o", out.toString(), "--no-faces", "--json", "--quiet",
        "-w", "0.9");
    assertEquals(0, changed.exit(), changed.err());
    assertEquals(1, JsonParser.parseString(changed.out()).getAsJsonObject().get("done").getAsInt(), changed.out());
  }

  @Test
  void aListLinesOwnFidelityIsPartOfThatVideosSettings() throws Exception {
    Path in = dir.resolve("in");
    Path a = clip(in, "a.mp4", "testsrc");
    Path b = clip(in, "b.mp4", "testsrc2");
    Path list = dir.resolve("list.txt");
    Path out = dir.resolve("out");
    Files.writeString(list, a + " -w 0.7\n" + b + "\n");
    String[] args = {"batch", "@" + list, "-o", out.toString(), "--no-faces", "--segment-seconds", "0", "--json",
        "--quiet"};
    CliRun first = CliRun.of(args);
    assertEquals(0, first.exit(), first.err());
    assertEquals(2, JsonParser.parseString(first.out()).getAsJsonObject().get("done").getAsInt(), first.out());

    Files.writeString(list, a + " -w 0.8\n" + b + "\n");
    CliRun changed = CliRun.of(args);
    assertEquals(0, changed.exit(), changed.err());
    JsonObject json = JsonParser.parseString(changed.out()).getAsJsonObject();
    assertEquals(1, json.get("done").getAsInt(), "only the video whose line changed: " + changed.out());
    assertEquals(1, json.get("upToDate").getAsInt(), changed.out());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, CliRun.of("batch", dir.toString()).exit(), "no -o");
    assertEquals(2, CliRun.of("batch", dir.resolve("empty").toString() + "/*.mp4", "-o", dir.resolve("o").toString(),
        "--jobs", "0").exit());
  }

  @Test
  void aFileSystemUriAsOutdirIsRefusedInsteadOfBecomingALocalFolder() throws Exception {
    Path clip = dir.resolve("uri-clip.mp4");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10", "-t", "0.3", "-c:v", "mpeg4",
        clip.toString());
    // relative to the working folder, where the run would have made it
    Path wrong = Path.of("hdfs:");
    assertFalse(Files.exists(wrong), "left over from an earlier run: " + wrong.toAbsolutePath());
    CliRun r = CliRun.of("batch", clip.toString(), "-o", "hdfs://namenode/restored", "--no-faces");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("hdfs:/namenode/restored: file system URIs"), r.err());
    assertFalse(Files.exists(wrong), "no local folder named after the scheme");
  }
}
