package io.restorevideo.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Tensors of a checkpoint by their official key names, in file order. */
public final class StateDict {
  private final String source;
  private final Map<String, TensorData> tensors;

  public StateDict(String source, Map<String, TensorData> tensors) {
    this.source = source;
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  /** Where the tensors came from (a file path), for error messages. */
  public String source() {
    return source;
  }

  public Set<String> keys() {
    return tensors.keySet();
  }

  public int size() {
    return tensors.size();
  }

  public boolean contains(String key) {
    return tensors.containsKey(key);
  }

  public Map<String, TensorData> asMap() {
    return tensors;
  }

  /** The tensor under {@code key}; a missing key is an error naming the file and the key. */
  public TensorData get(String key) {
    TensorData t = tensors.get(key);
    if (t == null) {
      throw new WeightsException(source + ": missing key '" + key + "'");
    }
    return t;
  }

  /** The tensors whose key starts with {@code prefix}, with the prefix removed. */
  public StateDict sub(String prefix) {
    Map<String, TensorData> out = new LinkedHashMap<>();
    tensors.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return new StateDict(source, out);
  }
}
