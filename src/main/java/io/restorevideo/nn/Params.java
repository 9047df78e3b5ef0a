package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.weights.DType;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.TensorData;
import io.restorevideo.weights.WeightsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Hands a network its parameters from a state dict, by official key name, as float32 NDArrays on the
 * manager's device. It records which keys were taken so that {@link #checkAllUsed()} can name the first
 * key the network did not expect; a missing key or a wrong shape is reported when it is asked for.
 */
public final class Params {
  private final StateDict dict;
  private final NDManager manager;
  private final String prefix;
  private final Set<String> used;
  private final DataType floatType;

  public Params(StateDict dict, NDManager manager) {
    this(dict, manager, DataType.FLOAT32);
  }

  /** Floating parameters are given as {@code floatType} (float32, or float16 for half-precision inference). */
  public Params(StateDict dict, NDManager manager, DataType floatType) {
    this(dict, manager, "", new LinkedHashSet<>(), floatType);
  }

  private Params(StateDict dict, NDManager manager, String prefix, Set<String> used, DataType floatType) {
    this.dict = dict;
    this.manager = manager;
    this.prefix = prefix;
    this.used = used;
    this.floatType = floatType;
  }

  /** Parameters under {@code prefix + "."}; shares the record of used keys with this one. */
  public Params sub(String name) {
    return new Params(dict, manager, prefix + name + ".", used, floatType);
  }

  public NDManager manager() {
    return manager;
  }

  public StateDict dict() {
    return dict;
  }

  public boolean has(String key) {
    return dict.contains(prefix + key);
  }

  /** Whether the checkpoint has any key under {@code name + "."} (a sub-module is present). */
  public boolean hasModule(String name) {
    String start = prefix + name + ".";
    for (String k : dict.keys()) {
      if (k.startsWith(start)) {
        return true;
      }
    }
    return false;
  }

  /** The full checkpoint key of {@code key} under this prefix (for messages). */
  public String key(String key) {
    return prefix + key;
  }

  /** Raw tensor (for shape inspection); does not mark the key as used. */
  public TensorData tensor(String key) {
    return dict.get(prefix + key);
  }

  /** The parameter {@code key}, which must have exactly {@code expectedShape}. */
  public NDArray get(String key, long... expectedShape) {
    String full = prefix + key;
    TensorData t = dict.get(full);
    if (!Arrays.equals(t.shape(), expectedShape)) {
      throw new WeightsException(
          dict.source() + ": shape mismatch for '" + full + "': checkpoint has " + Arrays.toString(t.shape())
              + ", the network expects " + Arrays.toString(expectedShape));
    }
    used.add(full);
    NDArray a = toNDArray(t, manager);
    if (t.dtype().isFloating() && floatType != DataType.FLOAT32) {
      NDArray c = a.toType(floatType, false);
      a.close();
      return c;
    }
    return a;
  }

  /** The parameter {@code key} with whatever shape the checkpoint has. */
  public NDArray get(String key) {
    return get(key, dict.get(prefix + key).shape());
  }

  /** Marks keys that the network deliberately ignores (e.g. BatchNorm's num_batches_tracked). */
  public void skip(String key) {
    String full = prefix + key;
    if (dict.contains(full)) {
      used.add(full);
    }
  }

  /** Throws naming the first checkpoint key that no part of the network asked for. */
  public void checkAllUsed() {
    for (String k : dict.keys()) {
      if (!used.contains(k)) {
        throw new WeightsException(dict.source() + ": unexpected key '" + k + "' (not part of this network)");
      }
    }
  }

  /** Copies a checkpoint tensor into native memory as float32 (floating types) or its own integer type. */
  public static NDArray toNDArray(TensorData t, NDManager manager) {
    Shape shape = new Shape(t.shape());
    ByteBuffer src = t.data();
    ByteBuffer direct = ByteBuffer.allocateDirect(src.remaining()).order(ByteOrder.nativeOrder());
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
      direct.put(src);
    } else {
      throw new WeightsException("big-endian hosts are not supported");
    }
    direct.flip();
    DataType dt = switch (t.dtype()) {
      case FLOAT32 -> DataType.FLOAT32;
      case FLOAT16 -> DataType.FLOAT16;
      case FLOAT64 -> DataType.FLOAT64;
      case BFLOAT16 -> DataType.BFLOAT16;
      case INT64 -> DataType.INT64;
      case INT32 -> DataType.INT32;
      case INT8 -> DataType.INT8;
      case UINT8 -> DataType.UINT8;
      case BOOL -> DataType.BOOLEAN;
      case INT16 -> throw new WeightsException("int16 tensors are not supported");
    };
    NDArray a = manager.create(direct, shape, dt);
    if (t.dtype().isFloating() && t.dtype() != DType.FLOAT32) {
      NDArray f = a.toType(DataType.FLOAT32, false);
      a.close();
      return f;
    }
    return a;
  }
}
