package io.restorevideo.weights;

import java.io.InputStream;
import java.nio.ByteBuffer;

/** An InputStream over a buffer, so a pickle is read straight from a memory map; its position is the buffer's. */
final class ByteBufferInputStream extends InputStream {
  private final ByteBuffer buffer;

  ByteBufferInputStream(ByteBuffer buffer) {
    this.buffer = buffer;
  }

  ByteBuffer buffer() {
    return buffer;
  }

  @Override
  public int read() {
    return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (!buffer.hasRemaining()) {
      return -1;
    }
    int n = Math.min(len, buffer.remaining());
    buffer.get(b, off, n);
    return n;
  }

  @Override
  public int available() {
    return buffer.remaining();
  }
}
