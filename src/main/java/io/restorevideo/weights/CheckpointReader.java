package io.restorevideo.weights;

import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the tensors of a checkpoint: PyTorch {@code .pth} (zip or legacy format) or {@code .safetensors},
 * told apart by content. Tensor bytes stay memory-mapped. The state dict is unwrapped from
 * {@code params_ema} (else {@code params}) as BasicSR saves it, and a {@code module.} prefix left by
 * DataParallel is removed.
 */
public final class CheckpointReader {
  private static final String MODULE_PREFIX = "module.";

  private CheckpointReader() {}

  public static StateDict read(Path file) {
    String name = file.toString();
    if (!Files.exists(file)) {
      throw new WeightsException(name + ": checkpoint file not found");
    }
    try (MappedFile mapped = new MappedFile(file)) {
      if (mapped.size() == 0) {
        throw new WeightsException(name + ": checkpoint file is empty");
      }
      Map<String, TensorData> tensors = clean(readAny(mapped));
      if (tensors.isEmpty()) {
        throw new WeightsException(name + ": checkpoint holds no tensors");
      }
      return new StateDict(name, tensors);
    } catch (WeightsException e) {
      throw e;
    } catch (NotACheckpointException e) {
      throw new WeightsException(name + ": not a PyTorch or safetensors checkpoint (" + e.getMessage() + ")", e);
    } catch (EOFException | BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new WeightsException(name + ": checkpoint is truncated or corrupt (" + describe(e) + ")", e);
    } catch (NoSuchFileException e) {
      throw new WeightsException(name + ": checkpoint file not found", e);
    } catch (IOException | RuntimeException e) {
      throw new WeightsException(name + ": unreadable checkpoint (" + describe(e) + ")", e);
    }
  }

  private static Object readAny(MappedFile file) throws IOException {
    ByteBuffer start = file.region(0, Math.min(16, file.size()));
    if (SafetensorsFormat.looksLike(start, file.size())) {
      return SafetensorsFormat.read(file);
    }
    if (file.size() >= 2 && start.get(0) == 'P' && start.get(1) == 'K') {
      return materialize(TorchZipFormat.read(file));
    }
    if ((start.get(0) & 0xff) == 0x80) {
      return materialize(TorchLegacyFormat.read(file));
    }
    throw new NotACheckpointException("unknown file format");
  }

  /** Replaces every tensor description in the object tree by its data; other values pass through. */
  private static Object materialize(TorchPickle pickle) throws IOException {
    Map<String, ByteBuffer> storages = new LinkedHashMap<>();
    return materialize(pickle.root(), pickle, storages, 0);
  }

  private static Object materialize(Object node, TorchPickle pickle, Map<String, ByteBuffer> storages, int depth)
      throws IOException {
    if (node instanceof PendingTensor t) {
      String key = t.storage().key();
      ByteBuffer bytes = storages.get(key);
      if (bytes == null) {
        bytes = pickle.storages().bytes(key);
        storages.put(key, bytes);
      }
      return t.materialize(bytes);
    }
    // Only the first levels can hold the state dict ({'params_ema': {...}} at most); deeper nests are skipped.
    if (node instanceof Map<?, ?> m && depth < 2) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(e.getKey(), materialize(e.getValue(), pickle, storages, depth + 1));
      }
      return out;
    }
    return node;
  }

  /** Unwraps params_ema / params and strips the DataParallel prefix; non-tensor entries are dropped. */
  private static Map<String, TensorData> clean(Object root) throws IOException {
    if (!(root instanceof Map<?, ?> map)) {
      throw new NotACheckpointException("its top-level object is not a dict");
    }
    Map<?, ?> dict = map;
    for (String wrapper : new String[] {"params_ema", "params"}) {
      if (map.get(wrapper) instanceof Map<?, ?> inner) {
        dict = inner;
        break;
      }
    }
    Map<String, TensorData> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : dict.entrySet()) {
      if (e.getKey() instanceof String key && e.getValue() instanceof TensorData t) {
        out.put(key.startsWith(MODULE_PREFIX) ? key.substring(MODULE_PREFIX.length()) : key, t);
      }
    }
    return out;
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
