package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attempt's part becomes the part once; a later attempt leaves the committed part as it is. */
class PartCommitTest {
  @TempDir Path dir;

  @Test
  void attemptsWriteUnderHiddenNamesOfTheirOwnWithThePartsExtension() {
    Path part = dir.resolve("seg-00003.mkv");
    assertEquals(dir.resolve(".seg-00003.attempt-17.mkv"), PartCommit.attemptName(part, 17));
    assertEquals(dir.resolve(".seg-00003.attempt-18.mkv"), PartCommit.attemptName(part, 18));
  }

  @Test
  void theFirstCommitWinsAndLaterAttemptsAreDropped() throws Exception {
    Path part = dir.resolve("seg-00000.mp4");
    Path first = Files.writeString(PartCommit.attemptName(part, 1), "first attempt");
    Path second = Files.writeString(PartCommit.attemptName(part, 2), "speculative attempt");

    assertTrue(PartCommit.commit(first, part));
    assertFalse(PartCommit.commit(second, part));

    assertEquals("first attempt", Files.readString(part));
    assertFalse(Files.exists(first), "the attempt's name is gone once committed");
    assertFalse(Files.exists(second), "a losing attempt leaves nothing behind");
  }
}
