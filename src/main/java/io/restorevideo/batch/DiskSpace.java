package io.restorevideo.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Refuses a batch whose estimated output cannot fit in the free space of OUTDIR's file system. */
final class DiskSpace {
  private DiskSpace() {}

  static void require(Path outdir, long bytes) {
    long free;
    try {
      free = Files.getFileStore(outdir).getUsableSpace();
    } catch (IOException e) {
      return;
    }
    if (bytes > free) {
      throw new JournalException(String.format(Locale.ROOT, "%s: not enough free space: the batch needs about "
          + "%.1f GB (parts and outputs), %.1f GB are free", outdir, bytes / 1e9, free / 1e9));
    }
  }
}
