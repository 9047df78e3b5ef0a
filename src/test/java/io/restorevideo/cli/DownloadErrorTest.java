package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline, the main command ends with one line naming the cause of the failed download and the ways out. */
class DownloadErrorTest {
  @TempDir Path dir;

  /** A loopback port nothing listens on: connecting to it is refused at once. */
  private static int refusingPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aRefusedConnectionIsNamedWithTheWaysOutInOneLine() throws IOException {
    Path in = dir.resolve("in.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=96x64:rate=10", "-t", "0.3", "-c:v", "libx264", in.toString());
    Path models = dir.resolve("models");
    String mirror = "http://127.0.0.1:" + refusingPort() + "/";
    Path out = dir.resolve("out.mkv");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--quiet", "--mirror", mirror, "--model-dir", models.toString());
    assertEquals(1, r.exit(), r.err());
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    String error = lines.get(lines.size() - 1);
    assertTrue(error.contains("refused"), "names the cause: " + error);
    assertTrue(error.contains("--mirror") && error.contains("--weights") && error.contains("models list"), error);
    assertTrue(error.contains(models.toString()), "names the folder to put the file in: " + error);
    assertFalse(r.err().contains("retrying"), "a refused connection is not retried: " + r.err());
    assertFalse(Files.exists(out));
    System.out.println("offline error: " + error);
  }
}
