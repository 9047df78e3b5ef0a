package io.restorevideo.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a view (offset, size, stride, in elements)
 * into a storage whose bytes are found after the pickle is read (legacy files store them after the pickle).
 */
record PendingTensor(StorageRef storage, long storageOffset, long[] size, long[] stride) {

  long numel() {
    long n = 1;
    for (long s : size) {
      n *= s;
    }
    return n;
  }

  /** Whether the view is C-contiguous (dimensions of size 1 may carry any stride). */
  boolean contiguous() {
    long expected = 1;
    for (int d = size.length - 1; d >= 0; d--) {
      if (size[d] != 1 && stride[d] != expected) {
        return false;
      }
      expected *= size[d];
    }
    return true;
  }

  /**
   * The tensor over {@code storageBytes} (the whole storage): a zero-copy slice when contiguous, otherwise
   * one compacted copy into a direct buffer so the heap stays free of weights.
   */
  TensorData materialize(ByteBuffer storageBytes) {
    DType dtype = storage.dtype();
    int es = dtype.bytes();
    long n = numel();
    long first = storage.elementOffset() + storageOffset;
    if (n == 0) {
      return new TensorData(dtype, size, ByteBuffer.allocate(0));
    }
    long last = first;
    for (int d = 0; d < size.length; d++) {
      if (stride[d] < 0) {
        throw new IllegalArgumentException("negative stride");
      }
      last += (size[d] - 1) * stride[d];
    }
    if (first < 0 || (last + 1) * es > storageBytes.capacity()) {
      throw new IllegalArgumentException(
          "tensor view ends at byte " + (last + 1) * es + " beyond its storage of " + storageBytes.capacity()
              + " bytes");
    }
    if (contiguous()) {
      return new TensorData(dtype, size, storageBytes.slice(Math.toIntExact(first * es), Math.toIntExact(n * es)));
    }
    ByteBuffer out = ByteBuffer.allocateDirect(Math.toIntExact(n * es)).order(ByteOrder.LITTLE_ENDIAN);
    long[] index = new long[size.length];
    for (long i = 0; i < n; i++) {
      long src = first;
      for (int d = 0; d < size.length; d++) {
        src += index[d] * stride[d];
      }
      int from = Math.toIntExact(src * es);
      for (int b = 0; b < es; b++) {
        out.put(storageBytes.get(from + b));
      }
      for (int d = size.length - 1; d >= 0; d--) {
        if (++index[d] < size[d]) {
          break;
        }
        index[d] = 0;
      }
    }
    out.flip();
    return new TensorData(dtype, size, out);
  }
}
