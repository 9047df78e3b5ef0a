package io.restorevideo.models;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The sidecar {@code <file>.sha256} of a cached model: the SHA-256 of the file and the size and modification
 * time it had when hashed. While size and mtime still match, the hash need not be computed again.
 */
record CacheRecord(String sha256, long size, long mtimeMillis) {

  static Path sidecarOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".sha256");
  }

  /** The record of {@code file} if one exists and still describes it (same size and mtime). */
  static Optional<CacheRecord> current(Path file) {
    Path sidecar = sidecarOf(file);
    try {
      if (!Files.isRegularFile(sidecar)) {
        return Optional.empty();
      }
      String[] parts = Files.readString(sidecar, StandardCharsets.US_ASCII).trim().split("\\s+");
      if (parts.length != 3) {
        return Optional.empty();
      }
      CacheRecord r = new CacheRecord(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
      return r.size == Files.size(file) && r.mtimeMillis == Files.getLastModifiedTime(file).toMillis()
          ? Optional.of(r)
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Hashes {@code file} in full and records the result next to it. */
  static CacheRecord hashAndRecord(Path file) throws IOException {
    return record(file, sha256(file));
  }

  /** Records {@code sha256} as the hash of {@code file} as it is now (skipped in a read-only cache). */
  static CacheRecord record(Path file, String sha256) throws IOException {
    CacheRecord r = new CacheRecord(sha256, Files.size(file), Files.getLastModifiedTime(file).toMillis());
    try {
      Files.writeString(sidecarOf(file), r.sha256 + " " + r.size + " " + r.mtimeMillis + "\n",
          StandardCharsets.US_ASCII);
    } catch (IOException e) {
      // A shared read-only cache still works; the file is just hashed again next time.
    }
    return r;
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (ch.read(buf) >= 0) {
        buf.flip();
        md.update(buf);
        buf.clear();
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
