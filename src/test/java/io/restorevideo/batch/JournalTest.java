package io.restorevideo.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal survives a reopen, refuses a second holder, and the fingerprints notice what changed. */
class JournalTest {
  @TempDir Path tmp;

  @Test
  void entriesSurviveAReopenAndNoTemporaryFileIsLeft() {
    try (Journal j = Journal.open(tmp)) {
      Journal.Video v = new Journal.Video();
      v.input = "in.mp4";
      v.settings = "abc";
      Journal.Segment s = new Journal.Segment();
      s.index = 0;
      s.end = 250;
      v.segments.add(s);
      j.put("out.mp4", v);
      j.update("out.mp4", x -> x.segments.get(0).state = Journal.State.DONE);
    }
    try (Journal j = Journal.open(tmp)) {
      Journal.Video v = j.video("out.mp4");
      assertEquals("abc", v.settings);
      assertEquals(Journal.State.DONE, v.segments.get(0).state);
      assertEquals(250, v.segments.get(0).end);
    }
    assertFalse(Files.exists(tmp.resolve(Journal.DIR).resolve("journal.json.tmp")));
  }

  @Test
  void aSecondHolderIsRefusedWithAMessageNamingTheFolder() {
    try (Journal first = Journal.open(tmp)) {
      JournalException e = assertThrows(JournalException.class, () -> Journal.open(tmp));
      assertTrue(e.getMessage().startsWith(tmp.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("another batch"), e.getMessage());
    }
    Journal.open(tmp).close();
  }

  @Test
  void anUnreadableJournalIsOneLineNamingIt() throws IOException {
    Files.createDirectories(tmp.resolve(Journal.DIR));
    Files.writeString(tmp.resolve(Journal.DIR).resolve("journal.json"), "{not json");
    JournalException e = assertThrows(JournalException.class, () -> Journal.open(tmp));
    assertTrue(e.getMessage().contains("journal.json: unreadable journal"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void theInputFingerprintSeesAChangeInTheMiddleOfTheSizeOrTheTime() throws IOException {
    Path f = tmp.resolve("in.bin");
    byte[] data = new byte[3 << 20];
    Files.write(f, data);
    FileTime t = Files.getLastModifiedTime(f);
    String before = Fingerprints.input(f);
    assertEquals(before, Fingerprints.input(f));
    data[data.length - 1] = 7;
    Files.write(f, data);
    Files.setLastModifiedTime(f, t);
    assertNotEquals(before, Fingerprints.input(f), "a change in the last MiB");
    data[data.length - 1] = 0;
    Files.write(f, data);
    Files.setLastModifiedTime(f, FileTime.fromMillis(t.toMillis() + 5000));
    assertNotEquals(before, Fingerprints.input(f), "same bytes, later time");
    assertNotEquals(Fingerprints.settings("-w=0.5\n"), Fingerprints.settings("-w=0.7\n"));
  }

  @Test
  void aBatchThatCannotFitIsRefusedBeforeItStarts() {
    JournalException e = assertThrows(JournalException.class, () -> DiskSpace.require(tmp, Long.MAX_VALUE));
    assertTrue(e.getMessage().startsWith(tmp + ": not enough free space"), e.getMessage());
    DiskSpace.require(tmp, 1);
  }
}
