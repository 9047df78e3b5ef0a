package io.restorevideo.media;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The format and pixel size of a PNG, JPEG or WebP file, read from its header alone (a few bytes; for JPEG the
 * segments before the frame header are skipped, not read), so that an image too large to decode safely is
 * refused before any pixel memory is allocated. The size is the stored one (before a JPEG's EXIF rotation).
 */
public record ImageHeader(Format format, int width, int height) {
  public enum Format { PNG, JPEG, WEBP }

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  public long pixels() {
    return (long) width * height;
  }

  /** @throws MediaException naming {@code file} when it is missing, empty, of another format or cut short */
  public static ImageHeader read(Path file) {
    try {
      if (Files.size(file) == 0) {
        throw new MediaException(file + ": empty file (0 bytes), not an image");
      }
      try (InputStream raw = Files.newInputStream(file);
          DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 4096))) {
        return parse(file, in);
      }
    } catch (NoSuchFileException e) {
      throw new MediaException(file + ": no such file");
    } catch (EOFException e) {
      throw new MediaException(file + ": truncated image header");
    } catch (IOException e) {
      throw new MediaException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private static ImageHeader parse(Path file, DataInputStream in) throws IOException {
    in.mark(16);
    byte[] magic = new byte[12];
    int n = in.readNBytes(magic, 0, magic.length);
    in.reset();
    if (n >= 8 && startsWith(magic, PNG_SIGNATURE)) {
      return png(file, in);
    }
    if (n >= 3 && (magic[0] & 0xff) == 0xff && (magic[1] & 0xff) == 0xd8 && (magic[2] & 0xff) == 0xff) {
      return jpeg(file, in);
    }
    if (n == 12 && ascii(magic, 0, "RIFF") && ascii(magic, 8, "WEBP")) {
      return webp(file, in);
    }
    throw new MediaException(file + ": not a PNG, JPEG or WebP image");
  }

  private static ImageHeader png(Path file, DataInputStream in) throws IOException {
    in.skipNBytes(8 + 4);
    byte[] type = new byte[4];
    in.readFully(type);
    if (!ascii(type, 0, "IHDR")) {
      throw new MediaException(file + ": corrupt PNG (no IHDR chunk first)");
    }
    return checked(file, Format.PNG, in.readInt(), in.readInt());
  }

  private static ImageHeader jpeg(Path file, DataInputStream in) throws IOException {
    in.skipNBytes(2);
    while (true) {
      int b = in.readUnsignedByte();
      if (b != 0xff) {
        throw new MediaException(file + ": corrupt JPEG (bad segment marker)");
      }
      int marker = in.readUnsignedByte();
      while (marker == 0xff) {
        marker = in.readUnsignedByte();
      }
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
        continue; // markers without a length field
      }
      if (marker == 0xd9 || marker == 0xda) {
        throw new MediaException(file + ": corrupt JPEG (no frame header before the image data)");
      }
      int length = in.readUnsignedShort();
      if (length < 2) {
        throw new MediaException(file + ": corrupt JPEG (segment length " + length + ")");
      }
      if (isStartOfFrame(marker)) {
        in.readUnsignedByte(); // sample precision
        int height = in.readUnsignedShort();
        int width = in.readUnsignedShort();
        return checked(file, Format.JPEG, width, height);
      }
      in.skipNBytes(length - 2L);
    }
  }

  /** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
  }

  private static ImageHeader webp(Path file, DataInputStream in) throws IOException {
    in.skipNBytes(12);
    byte[] chunk = new byte[4];
    in.readFully(chunk);
    in.skipNBytes(4); // chunk size
    if (ascii(chunk, 0, "VP8 ")) {
      in.skipNBytes(3); // frame tag
      if (in.readUnsignedByte() != 0x9d || in.readUnsignedByte() != 0x01 || in.readUnsignedByte() != 0x2a) {
        throw new MediaException(file + ": corrupt WebP (bad VP8 start code)");
      }
      int w = littleEndian(in, 2) & 0x3fff;
      int h = littleEndian(in, 2) & 0x3fff;
      return checked(file, Format.WEBP, w, h);
    }
    if (ascii(chunk, 0, "VP8L")) {
      if (in.readUnsignedByte() != 0x2f) {
        throw new MediaException(file + ": corrupt WebP (bad VP8L signature)");
      }
      int bits = littleEndian(in, 4);
      return checked(file, Format.WEBP, (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    if (ascii(chunk, 0, "VP8X")) {
      in.skipNBytes(4); // feature flags
      int w = littleEndian(in, 3) + 1;
      int h = littleEndian(in, 3) + 1;
      return checked(file, Format.WEBP, w, h);
    }
    throw new MediaException(file + ": corrupt WebP (unknown first chunk)");
  }

  private static ImageHeader checked(Path file, Format format, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new MediaException(file + ": corrupt " + format + " header (size " + Integer.toUnsignedString(width)
          + "x" + Integer.toUnsignedString(height) + ")");
    }
    return new ImageHeader(format, width, height);
  }

  private static int littleEndian(DataInputStream in, int bytes) throws IOException {
    int v = 0;
    for (int i = 0; i < bytes; i++) {
      v |= in.readUnsignedByte() << (8 * i);
    }
    return v;
  }

  private static boolean startsWith(byte[] data, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (data[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] data, int offset, String text) {
    for (int i = 0; i < text.length(); i++) {
      if (data[offset + i] != (byte) text.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
