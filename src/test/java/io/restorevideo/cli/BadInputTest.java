package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input of issue 2: exit code, one line naming the file and the problem, and no file at OUTPUT. */
class BadInputTest {
  @TempDir Path dir;

  private Path out() {
    return dir.resolve("out.mp4");
  }

  private void assertFails(int code, CliRun r, String... fragments) throws IOException {
    assertEquals(code, r.exit(), r.err());
    String line = r.err().strip();
    assertEquals(1, line.lines().count(), "one line: " + line);
    for (String f : fragments) {
      assertTrue(line.contains(f), "'" + f + "' in: " + line);
    }
    assertFalse(Files.exists(out()), "no OUTPUT");
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no temporary file left");
    }
  }

  @Test
  void missingFile() throws IOException {
    Path in = dir.resolve("missing.mp4");
    assertFails(1, CliRun.of(in.toString(), out().toString(), "--quiet", "--no-faces"), in.toString(), "no such file");
  }

  @Test
  void emptyFile() throws IOException {
    Path in = Files.createFile(dir.resolve("empty.mp4"));
    assertFails(1, CliRun.of(in.toString(), out().toString(), "--quiet", "--no-faces"), in.toString(), "empty file");
  }

  @Test
  void textFileNamedMp4() throws IOException {
    Path in = Files.writeString(dir.resolve("notes.mp4"), "these are my notes, not a video\n".repeat(20));
    assertFails(1, CliRun.of(in.toString(), out().toString(), "--quiet", "--no-faces"), in.toString(), "not a media file");
  }

  @Test
  void audioOnlyFile() throws IOException {
    Path in = dir.resolve("song.mp4");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "sine=frequency=440", "-t", "1", "-c:a", "aac", in.toString());
    assertFails(1, CliRun.of(in.toString(), out().toString(), "--quiet", "--no-faces"), in.toString(), "no video stream");
  }

  @Test
  void truncatedFileFailsUnlessPartialIsAllowed() throws IOException {
    Path in = dir.resolve("cut.mp4");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25", "-t", "3", "-c:v", "libx264", "-g", "10",
        "-movflags", "+faststart", in.toString());
    try (RandomAccessFile f = new RandomAccessFile(in.toFile(), "rw")) {
      f.setLength(f.length() * 6 / 10);
    }
    assertFails(1, CliRun.of(in.toString(), out().toString(), "--quiet", "--no-faces"), in.toString(), "ends early",
        "--allow-partial");

    CliRun kept = CliRun.of(in.toString(), out().toString(), "--quiet", "--no-faces", "--allow-partial");
    assertEquals(0, kept.exit(), kept.err());
    assertTrue(kept.err().contains("ends early"), "warns: " + kept.err());
    int frames = Ffmpeg.videoFrameTimes(out()).size();
    assertTrue(frames > 10 && frames < 75, "what decoded was written: " + frames + " frames");
  }

  @Test
  void outputDirectoryThatDoesNotExist() throws IOException {
    Path in = clip();
    Path target = dir.resolve("no/such/dir/out.mp4");
    CliRun r = CliRun.of(in.toString(), target.toString(), "--quiet", "--no-faces");
    assertFails(1, r, target.toString(), "does not exist");
    assertFalse(Files.exists(target));
  }

  @Test
  void outputUnderAFileIsUnwritable() throws IOException {
    Path in = clip();
    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    Path target = blocker.resolve("out.mp4");
    assertFails(1, CliRun.of(in.toString(), target.toString(), "--quiet", "--no-faces"), target.toString());
  }

  @Test
  void outputEqualToInputIsRefusedAndInputUntouched() throws IOException {
    Path in = clip();
    byte[] before = Files.readAllBytes(in);
    CliRun r = CliRun.of(in.toString(), in.toString(), "--quiet", "--no-faces");
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains(in.toString()) && r.err().contains("OUTPUT is the INPUT"), r.err());
    assertArrayEquals(before, Files.readAllBytes(in));
  }

  @Test
  void usageErrorsExitTwo() throws IOException {
    assertEquals(2, CliRun.of().exit());
    Path in = clip();
    CliRun r = CliRun.of(in.toString(), out().toString(), "--crf", "-3");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--crf"), r.err());
    assertFalse(Files.exists(out()));
  }

  private Path clip() {
    Path in = dir.resolve("in.mp4");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=25", "-t", "0.5", "-c:v", "libx264", in.toString());
    return in;
  }
}
