package io.restorevideo.testutil;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** A PNG of only its signature and IHDR chunk: a huge declared size in a few bytes, for pixel-limit tests. */
public final class PngHeader {
  private PngHeader() {}

  public static Path write(Path file, int width, int height) {
    try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(os)) {
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
      byte[] ihdr = {'I', 'H', 'D', 'R', (byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8),
          (byte) width, (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height, 8, 2,
          0, 0, 0};
      out.writeInt(13);
      out.write(ihdr);
      CRC32 crc = new CRC32();
      crc.update(ihdr);
      out.writeInt((int) crc.getValue());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
