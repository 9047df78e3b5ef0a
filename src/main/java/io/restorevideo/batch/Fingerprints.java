package io.restorevideo.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What decides whether earlier work still holds: the input (size, modification time, and a hash of its
 * first and last MiB, so a replaced file of the same size is noticed without reading a whole film) and the
 * settings (a hash of their canonical text).
 */
public final class Fingerprints {
  private static final int EDGE = 1 << 20;

  private Fingerprints() {}

  public static String input(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      MessageDigest md = sha256();
      md.update(read(ch, 0, (int) Math.min(EDGE, size)));
      if (size > EDGE) {
        long from = Math.max(EDGE, size - EDGE);
        md.update(read(ch, from, (int) (size - from)));
      }
      return size + ":" + Files.getLastModifiedTime(file).toMillis() + ":" + HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  public static String settings(String canonical) {
    return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
  }

  private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n);
    while (b.hasRemaining() && ch.read(b, at + b.position()) >= 0) {
      // keep reading: a channel may return fewer bytes than asked
    }
    b.flip();
    return b;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
