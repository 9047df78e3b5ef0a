package io.restorevideo.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stderr is a terminal, where a human progress line (with carriage returns) belongs. */
final class Terminal {
  private Terminal() {}

  /**
   * Java has no isatty for stderr: on Linux its file descriptor's link names the device ({@code /dev/pts/N},
   * {@code /dev/ttyN}); elsewhere the console (stdin and stdout on a terminal) is the best guess.
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null;
  }
}
