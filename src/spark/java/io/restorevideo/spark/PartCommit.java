package io.restorevideo.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A task attempt's part: written under a name of its own (hidden, the attempt's id in it, the part's extension
 * kept so the muxer is the same), then renamed onto the part's name unless an earlier attempt of the same
 * segment got there first, in which case that part (identical: same plan, same settings) stays as it is. So a
 * retried or speculative attempt never leaves a half part, nor replaces a whole one.
 */
final class PartCommit {
  private PartCommit() {}

  /** Where attempt {@code attemptId} of {@code part} writes. */
  static Path attemptName(Path part, long attemptId) {
    String name = part.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    String ext = dot < 0 ? "" : name.substring(dot);
    return part.resolveSibling("." + stem + ".attempt-" + attemptId + ext);
  }

  /** Moves the finished attempt onto the part; true if it became the part, false if one was already there. */
  static boolean commit(Path attempt, Path part) {
    try {
      try {
        // a hard link is a rename that refuses to replace, atomically (link(2) fails when the name exists)
        Files.createLink(part, attempt);
        Files.delete(attempt);
        return true;
      } catch (FileAlreadyExistsException theirs) {
        Files.delete(attempt);
        return false;
      } catch (UnsupportedOperationException | FileSystemException noLinks) {
        if (Files.exists(part)) {
          Files.delete(attempt);
          return false;
        }
        Files.move(attempt, part);
        return true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(part + ": cannot commit the segment's part (" + e.getMessage() + ")", e);
    }
  }
}
