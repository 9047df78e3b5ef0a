package io.restorevideo.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor of a checkpoint: element type, shape and its elements as a contiguous little-endian C-order
 * buffer. The buffer is usually a slice of a memory-mapped file, so a large checkpoint never sits in the heap.
 */
public final class TensorData {
  private final DType dtype;
  private final long[] shape;
  private final ByteBuffer data;

  public TensorData(DType dtype, long[] shape, ByteBuffer data) {
    this.dtype = dtype;
    this.shape = shape.clone();
    this.data = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long expected = numel() * dtype.bytes();
    if (this.data.remaining() != expected) {
      throw new IllegalArgumentException(
          "tensor of shape " + Arrays.toString(shape) + " " + dtype + " needs " + expected
              + " bytes, got " + this.data.remaining());
    }
  }

  public DType dtype() {
    return dtype;
  }

  public long[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public long dim(int i) {
    return shape[i < 0 ? shape.length + i : i];
  }

  public long numel() {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  /** A read-only little-endian view of the elements; position 0, limit = byte size. */
  public ByteBuffer data() {
    return data.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Elements widened to float32 (float16, bfloat16, float64 and integer types are converted). */
  public float[] toFloatArray() {
    int n = Math.toIntExact(numel());
    float[] out = new float[n];
    ByteBuffer b = data();
    for (int i = 0; i < n; i++) {
      switch (dtype) {
        case FLOAT32 -> out[i] = b.getFloat(i * 4);
        case FLOAT64 -> out[i] = (float) b.getDouble(i * 8);
        case FLOAT16 -> out[i] = Half.toFloat(b.getShort(i * 2));
        case BFLOAT16 -> out[i] = Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
        case INT64 -> out[i] = b.getLong(i * 8);
        case INT32 -> out[i] = b.getInt(i * 4);
        case INT16 -> out[i] = b.getShort(i * 2);
        case INT8 -> out[i] = b.get(i);
        case UINT8, BOOL -> out[i] = b.get(i) & 0xff;
        default -> throw new IllegalStateException(dtype.toString());
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return dtype + Arrays.toString(shape);
  }
}
