package io.restorevideo.weights;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A checkpoint file seen through memory maps: tensor bytes are slices of the mapping, so they live in the page
 * cache, not in the Java heap. Files up to 2 GiB are mapped once; larger ones region by region.
 */
final class MappedFile implements AutoCloseable {
  private final FileChannel channel;
  private final long size;
  private final ByteBuffer whole;

  MappedFile(Path file) throws IOException {
    channel = FileChannel.open(file, StandardOpenOption.READ);
    size = channel.size();
    whole = size <= Integer.MAX_VALUE
        ? channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN)
        : null;
  }

  long size() {
    return size;
  }

  /** The whole file as one little-endian buffer, or null when it is over 2 GiB. */
  ByteBuffer whole() {
    return whole == null ? null : whole.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Bytes [offset, offset+length) as a little-endian buffer; an EOFException when the file is shorter. */
  ByteBuffer region(long offset, long length) throws IOException {
    if (offset < 0 || length < 0 || offset + length > size) {
      throw new EOFException("needs bytes up to " + (offset + length) + " but the file has " + size);
    }
    if (length > Integer.MAX_VALUE) {
      throw new IOException("a single tensor or entry over 2 GiB is not supported");
    }
    ByteBuffer b = whole != null
        ? whole.slice(Math.toIntExact(offset), (int) length)
        : channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
    return b.order(ByteOrder.LITTLE_ENDIAN);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
