package io.restorevideo.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SOURCE arguments: folders, globs and @lists expand to inputs with the relative paths their outputs mirror. */
class SourcesTest {
  @TempDir Path tmp;

  private Path touch(String relative) throws IOException {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, new byte[] {1});
    return p;
  }

  private static List<String> relatives(List<Sources.Source> sources) {
    return sources.stream().map(s -> s.relative().toString()).collect(Collectors.toList());
  }

  @Test
  void aFolderGivesItsVideosRecursivelyByExtensionAndSkipsTheJournal() throws IOException {
    touch("tapes/a.mp4");
    touch("tapes/reel2/b.MKV");
    touch("tapes/notes.txt");
    touch("tapes/.restore-video/parts/x/part-0.mkv");
    List<Sources.Source> s = Sources.expand(List.of(tmp.resolve("tapes").toString()));
    assertEquals(List.of("a.mp4", "reel2/b.MKV"), relatives(s));
    s.forEach(x -> assertNull(x.problem()));
  }

  @Test
  void aGlobKeepsThePathBelowItsFixedPart() throws IOException {
    touch("tapes/1999/a.mov");
    touch("tapes/2001/b.mov");
    touch("tapes/2001/c.mp4");
    List<Sources.Source> s = Sources.expand(List.of(tmp + "/tapes/**/*.mov"));
    assertEquals(List.of("1999/a.mov", "2001/b.mov"), relatives(s));
  }

  @Test
  void aListFileNamesOneSourcePerLineAndSkipsCommentsAndBlanks() throws IOException {
    Path a = touch("x/a.mp4");
    touch("y/b.mp4");
    Path list = tmp.resolve("list.txt");
    Files.writeString(list, "# reels to clean\n" + a + "\n\n  " + tmp.resolve("y") + "  \n");
    List<Sources.Source> s = Sources.expand(List.of("@" + list));
    assertEquals(List.of("a.mp4", "b.mp4"), relatives(s));
  }

  @Test
  void aListLineMayGiveItsVideoItsOwnFidelity() throws IOException {
    Path a = touch("x/a.mp4");
    Path b = touch("x/b.mp4");
    Path c = touch("x/c.mp4");
    Path d = touch("x/d.mp4");
    Path list = tmp.resolve("list.txt");
    Files.writeString(list, a + " -w 0.9\n" + b + "\n" + c + "  --fidelity=0\n" + d + " -w 1.5\n");
    List<Sources.Source> s = Sources.expand(List.of("@" + list));
    assertEquals(4, s.size());
    assertEquals(0.9, s.get(0).fidelity());
    assertEquals(a, s.get(0).input());
    assertNull(s.get(1).fidelity(), "the batch's own -w");
    assertEquals(0.0, s.get(2).fidelity());
    assertTrue(s.get(3).problem().contains("-w must be between 0 and 1, got 1.5"), s.get(3).problem());
    assertTrue(s.get(3).problem().startsWith(list.toString()), "names the list: " + s.get(3).problem());
  }

  @Test
  void whatNamesNothingBecomesAnEntryWithItsReason() {
    List<Sources.Source> s = Sources.expand(List.of(tmp.resolve("gone.mp4").toString(), tmp + "/none/*.mp4",
        "@" + tmp.resolve("missing-list.txt")));
    assertEquals(3, s.size());
    assertEquals("no such file or folder", s.get(0).problem());
    assertEquals("no file matches this pattern", s.get(1).problem());
    assertTrue(s.get(2).problem().startsWith("cannot read the list"), s.get(2).problem());
  }

  @Test
  void outputsKeepTheirContainerUnlessFormatSaysOtherwise() {
    assertEquals("reel/a.mov", Sources.outputName(Path.of("reel/a.mov"), null));
    assertEquals("reel/a.mkv", Sources.outputName(Path.of("reel/a.ts"), null));
    assertEquals("reel/a.mp4", Sources.outputName(Path.of("reel/a.mov"), "mp4"));
  }
}
