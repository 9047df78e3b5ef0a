package io.restorevideo.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock file of an output folder's journal: an OS file lock, so a killed batch never leaves a stale
 * lock behind, with the holder's process id and start time inside for the message a second batch shows.
 */
final class JournalLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private JournalLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static JournalLock acquire(Path file, Path outdir) {
    try {
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock l = ch.tryLock();
      if (l == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        ch.close();
        throw new JournalException(outdir + ": another batch is running on this output folder ("
            + (holder.isEmpty() ? "lock " + file : holder) + "); wait for it or choose another -o");
      }
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", started "
          + java.time.Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(false);
      return new JournalLock(ch, l);
    } catch (java.nio.channels.OverlappingFileLockException e) {
      throw new JournalException(outdir + ": another batch in this process is running on this output folder");
    } catch (IOException e) {
      throw new JournalException(outdir + ": cannot lock " + file + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the lock goes with the channel or the process anyway
    }
  }
}
