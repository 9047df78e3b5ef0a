package io.restorevideo.api;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a job writes: a hidden temporary name in the output's directory, renamed onto the output only when
 * the job succeeded. A killed run leaves at most the temporary file, never a partial OUTPUT; a JVM shutdown
 * (Ctrl-C) before the rename deletes it. {@code -} writes straight to stdout.
 */
final class OutputFile implements AutoCloseable {
  private final String output;
  private final Path target;
  private final Path temp;
  private final Thread cleanup;
  private boolean committed;

  private OutputFile(String output, Path target, Path temp) {
    this.output = output;
    this.target = target;
    this.temp = temp;
    this.cleanup = temp == null ? null : new Thread(this::deleteTemp, "restore-video-cleanup");
    if (cleanup != null) {
      Runtime.getRuntime().addShutdownHook(cleanup);
    }
  }

  /** Checks the output against the input and its directory, and reserves the temporary name. */
  static OutputFile prepare(String output, String input) {
    if ("-".equals(output)) {
      return new OutputFile(output, null, null);
    }
    Path target = Path.of(output).toAbsolutePath().normalize();
    if (!"-".equals(input) && !input.contains("://")) {
      Path in = Path.of(input).toAbsolutePath().normalize();
      try {
        if (in.equals(target) || (Files.exists(target) && Files.isSameFile(in, target))) {
          throw new UserException(output + ": OUTPUT is the INPUT file; choose another output name");
        }
      } catch (IOException e) {
        throw new UserException(output + ": cannot compare with the input (" + e.getMessage() + ")", e);
      }
    }
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new UserException(output + ": output directory " + dir + " does not exist");
    }
    if (Files.isDirectory(target)) {
      throw new UserException(output + ": is a directory");
    }
    Path temp;
    try {
      temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".partial");
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        // temp files are owner-only; the finished video gets ordinary permissions
        Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
    } catch (IOException e) {
      throw new UserException(output + ": cannot write in " + dir + " (" + describe(e) + ")", e);
    }
    return new OutputFile(output, target, temp);
  }

  /** The URL FFmpeg writes to. */
  String url() {
    return temp == null ? "pipe:1" : temp.toString();
  }

  /** Moves the finished temporary file onto OUTPUT. */
  void commit() {
    if (temp == null) {
      committed = true;
      return;
    }
    try {
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    } catch (IOException e) {
      throw new UserException(output + ": cannot rename the finished file into place (" + describe(e) + ")", e);
    }
  }

  private void deleteTemp() {
    if (temp != null && !committed) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // nothing more can be done while the JVM goes down
      }
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() {
    deleteTemp();
    if (cleanup != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running or ran: it does the same deletion
      }
    }
  }
}
