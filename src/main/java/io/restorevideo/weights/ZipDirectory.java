package io.restorevideo.weights;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The entries of a zip file read from its central directory, with the file offset of each entry's data so a
 * stored (uncompressed) entry can be used in place. {@code java.util.zip} does not expose those offsets.
 */
final class ZipDirectory {
  private static final int EOCD = 0x06054b50;
  private static final int ZIP64_LOCATOR = 0x07064b50;
  private static final int ZIP64_EOCD = 0x06064b50;
  private static final int CENTRAL = 0x02014b50;
  private static final int LOCAL = 0x04034b50;
  private static final int STORED = 0;
  private static final int DEFLATED = 8;

  record Entry(String name, int method, long compressedSize, long size, long localHeaderOffset) {}

  private final MappedFile file;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  ZipDirectory(MappedFile file) throws IOException {
    this.file = file;
    long eocd = findEndRecord();
    ByteBuffer end = file.region(eocd, 22);
    long count = end.getShort(10) & 0xffff;
    long cdSize = end.getInt(12) & 0xffffffffL;
    long cdOffset = end.getInt(16) & 0xffffffffL;
    if (count == 0xffff || cdSize == 0xffffffffL || cdOffset == 0xffffffffL) {
      ByteBuffer locator = file.region(eocd - 20, 20);
      if (locator.getInt(0) != ZIP64_LOCATOR) {
        throw new IOException("zip64 end record locator missing");
      }
      ByteBuffer end64 = file.region(locator.getLong(8), 56);
      if (end64.getInt(0) != ZIP64_EOCD) {
        throw new IOException("zip64 end record missing");
      }
      count = end64.getLong(32);
      cdSize = end64.getLong(40);
      cdOffset = end64.getLong(48);
    }
    readCentralDirectory(file.region(cdOffset, cdSize), count);
  }

  Map<String, Entry> entries() {
    return entries;
  }

  /**
   * The entry's bytes: a slice of the mapping when stored, or inflated into a direct buffer when
   * compressed (torch.save stores everything; a re-zipped checkpoint may not).
   */
  ByteBuffer data(Entry e) throws IOException {
    ByteBuffer local = file.region(e.localHeaderOffset(), 30);
    if (local.getInt(0) != LOCAL) {
      throw new IOException("bad local header for " + e.name());
    }
    long start = e.localHeaderOffset() + 30 + (local.getShort(26) & 0xffff) + (local.getShort(28) & 0xffff);
    ByteBuffer raw = file.region(start, e.compressedSize());
    if (e.method() == STORED) {
      if (e.compressedSize() != e.size()) {
        throw new IOException("inconsistent sizes for stored entry " + e.name());
      }
      return raw;
    }
    if (e.method() != DEFLATED) {
      throw new IOException("unsupported zip compression method " + e.method() + " for " + e.name());
    }
    return inflate(raw, e);
  }

  private static ByteBuffer inflate(ByteBuffer raw, Entry e) throws IOException {
    ByteBuffer out = ByteBuffer.allocateDirect(Math.toIntExact(e.size()));
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(raw);
      while (out.hasRemaining() && !inflater.finished()) {
        if (inflater.inflate(out) == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IOException("compressed entry " + e.name() + " ends early");
        }
      }
    } catch (DataFormatException ex) {
      throw new IOException("corrupt compressed entry " + e.name() + ": " + ex.getMessage(), ex);
    } finally {
      inflater.end();
    }
    if (out.hasRemaining()) {
      throw new IOException("compressed entry " + e.name() + " is shorter than its declared size");
    }
    return out.flip();
  }

  private long findEndRecord() throws IOException {
    long size = file.size();
    long lowest = Math.max(0, size - 22 - 0xffff);
    ByteBuffer tail = file.region(lowest, size - lowest);
    for (int pos = tail.limit() - 22; pos >= 0; pos--) {
      if (tail.getInt(pos) == EOCD && pos + 22 + (tail.getShort(pos + 20) & 0xffff) == tail.limit()) {
        return lowest + pos;
      }
    }
    throw new EOFException("no zip end record; the file ends early");
  }

  private void readCentralDirectory(ByteBuffer cd, long count) throws IOException {
    int pos = 0;
    for (long i = 0; i < count; i++) {
      if (cd.getInt(pos) != CENTRAL) {
        throw new IOException("bad central directory entry " + i);
      }
      int method = cd.getShort(pos + 10) & 0xffff;
      long compressed = cd.getInt(pos + 20) & 0xffffffffL;
      long size = cd.getInt(pos + 24) & 0xffffffffL;
      int nameLen = cd.getShort(pos + 28) & 0xffff;
      int extraLen = cd.getShort(pos + 30) & 0xffff;
      int commentLen = cd.getShort(pos + 32) & 0xffff;
      long offset = cd.getInt(pos + 42) & 0xffffffffL;
      byte[] name = new byte[nameLen];
      cd.get(pos + 46, name);
      // Zip64 extra field: the 64-bit values appear only for the fields set to 0xffffffff, in this order.
      int extra = pos + 46 + nameLen;
      for (int x = extra; x + 4 <= extra + extraLen; ) {
        int id = cd.getShort(x) & 0xffff;
        int len = cd.getShort(x + 2) & 0xffff;
        if (id == 0x0001) {
          int v = x + 4;
          if (size == 0xffffffffL) {
            size = cd.getLong(v);
            v += 8;
          }
          if (compressed == 0xffffffffL) {
            compressed = cd.getLong(v);
            v += 8;
          }
          if (offset == 0xffffffffL) {
            offset = cd.getLong(v);
          }
        }
        x += 4 + len;
      }
      String n = new String(name, StandardCharsets.UTF_8);
      entries.put(n, new Entry(n, method, compressed, size, offset));
      pos += 46 + nameLen + extraLen + commentLen;
    }
  }
}
