package io.restorevideo.weights;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Reads the pickle of a {@code torch.save} file: tensors come back as {@link PendingTensor}s whose storages
 * are resolved by the caller, dicts keep their insertion order (a state dict's key order is its file order).
 */
final class TorchUnpickler extends Unpickler {
  static {
    register();
  }

  private final Map<String, DType> storages = new LinkedHashMap<>();

  /** A Python dict or OrderedDict; the distinct type lets BUILD ignore an OrderedDict's attributes. */
  static final class PyDict extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;
  }

  /** A storage class such as {@code torch.FloatStorage}; only ever named inside persistent ids. */
  record StorageType(String name, DType dtype) implements IObjectConstructor {
    @Override
    public Object construct(Object[] args) {
      throw new PickleException("unexpected construction of " + name);
    }
  }

  /** Storage keys met in persistent ids, in order, with their element types. */
  Map<String, DType> storages() {
    return storages;
  }

  @Override
  protected Object persistentLoad(Object pid) {
    if (!(pid instanceof Object[] t) || t.length < 5 || !"storage".equals(t[0])) {
      throw new PickleException("unsupported persistent id");
    }
    if (!(t[1] instanceof StorageType type)) {
      throw new PickleException("unsupported storage type " + t[1]);
    }
    String key = String.valueOf(t[2]);
    storages.putIfAbsent(key, type.dtype());
    long viewOffset = 0;
    // Old legacy files name views into a root storage: (view_key, element offset, view size).
    if (t.length > 5 && t[5] instanceof Object[] view && view.length == 3) {
      viewOffset = ((Number) view[1]).longValue();
    }
    return new StorageRef(key, type.dtype(), viewOffset);
  }

  @Override
  protected Object dispatch(short key) throws PickleException, IOException {
    switch (key) {
      case Opcodes.EMPTY_DICT -> {
        stack.add(new PyDict());
        return NO_RETURN_VALUE;
      }
      case Opcodes.SETITEMS -> {
        // The library's SETITEMS goes through a HashMap and would scramble the key order.
        List<Object> items = stack.pop_all_since_marker();
        @SuppressWarnings("unchecked")
        Map<Object, Object> target = (Map<Object, Object>) stack.peek();
        for (int i = 0; i + 1 < items.size(); i += 2) {
          target.put(items.get(i), items.get(i + 1));
        }
        return NO_RETURN_VALUE;
      }
      case Opcodes.BUILD -> {
        Object state = stack.pop();
        Object target = stack.peek();
        if (target instanceof PyDict) {
          // An OrderedDict's state is its attributes (a state dict's _metadata), not items.
          return NO_RETURN_VALUE;
        }
        stack.add(state);
        return super.dispatch(key);
      }
      default -> {
        return super.dispatch(key);
      }
    }
  }

  private static void register() {
    String[][] types = {
      {"FloatStorage", "FLOAT32"}, {"HalfStorage", "FLOAT16"}, {"BFloat16Storage", "BFLOAT16"},
      {"DoubleStorage", "FLOAT64"}, {"LongStorage", "INT64"}, {"IntStorage", "INT32"},
      {"ShortStorage", "INT16"}, {"CharStorage", "INT8"}, {"ByteStorage", "UINT8"}, {"BoolStorage", "BOOL"}
    };
    for (String[] t : types) {
      registerConstructor("torch", t[0], new StorageType("torch." + t[0], DType.valueOf(t[1])));
    }
    registerConstructor("collections", "OrderedDict", args -> new PyDict());
    registerConstructor("torch._utils", "_rebuild_tensor_v2", TorchUnpickler::rebuildTensor);
    registerConstructor("torch._utils", "_rebuild_tensor", TorchUnpickler::rebuildTensor);
    registerConstructor("torch._utils", "_rebuild_parameter", args -> args[0]);
    registerConstructor("torch._utils", "_rebuild_parameter_with_state", args -> args[0]);
    registerConstructor("torch._tensor", "_rebuild_from_type_v2",
        args -> ((IObjectConstructor) args[0]).construct((Object[]) args[2]));
    registerConstructor("torch", "Size", args -> args[0]);
  }

  /** (storage, storage_offset, size, stride, ...): the trailing grad/hook/metadata arguments do not matter. */
  private static Object rebuildTensor(Object[] args) {
    if (!(args[0] instanceof StorageRef storage)) {
      throw new PickleException("tensor without a storage");
    }
    long offset = ((Number) args[1]).longValue();
    long[] size = longs((Object[]) args[2]);
    long[] stride = longs((Object[]) args[3]);
    if (size.length != stride.length) {
      throw new PickleException("tensor size and stride differ in rank");
    }
    return new PendingTensor(storage, offset, size, stride);
  }

  private static long[] longs(Object[] tuple) {
    long[] out = new long[tuple.length];
    for (int i = 0; i < tuple.length; i++) {
      out[i] = ((Number) tuple[i]).longValue();
    }
    return out;
  }
}
