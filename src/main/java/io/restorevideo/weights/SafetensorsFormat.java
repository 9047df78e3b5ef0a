package io.restorevideo.weights;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The safetensors layout: an 8-byte little-endian header length, a JSON header
 * {@code {name: {dtype, shape, data_offsets}}} (plus an optional {@code __metadata__}), then the data.
 */
final class SafetensorsFormat {
  static final String METADATA = "__metadata__";
  /** Larger headers are not safetensors (the reference implementation caps them at 100 MB). */
  private static final long MAX_HEADER = 100_000_000L;

  private SafetensorsFormat() {}

  static String name(DType dtype) {
    return switch (dtype) {
      case FLOAT64 -> "F64";
      case FLOAT32 -> "F32";
      case FLOAT16 -> "F16";
      case BFLOAT16 -> "BF16";
      case INT64 -> "I64";
      case INT32 -> "I32";
      case INT16 -> "I16";
      case INT8 -> "I8";
      case UINT8 -> "U8";
      case BOOL -> "BOOL";
    };
  }

  static DType dtype(String name) throws IOException {
    for (DType d : DType.values()) {
      if (name(d).equals(name)) {
        return d;
      }
    }
    throw new IOException("unsupported safetensors dtype " + name);
  }

  /** Whether the file starts like a safetensors file (a plausible length followed by '{'). */
  static boolean looksLike(ByteBuffer start, long fileSize) {
    if (fileSize < 9) {
      return false;
    }
    long n = start.getLong(0);
    return n >= 2 && n <= MAX_HEADER && start.get(8) == '{';
  }

  static Map<String, TensorData> read(MappedFile file) throws IOException {
    long headerLength = file.region(0, 8).getLong(0);
    ByteBuffer headerBytes = file.region(8, headerLength);
    byte[] text = new byte[headerBytes.remaining()];
    headerBytes.get(text);
    JsonObject header;
    try {
      header = JsonParser.parseString(new String(text, StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IOException("unreadable safetensors header: " + e.getMessage(), e);
    }
    long dataStart = 8 + headerLength;
    Map<String, TensorData> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : header.entrySet()) {
      if (e.getKey().equals(METADATA)) {
        continue;
      }
      try {
        JsonObject t = e.getValue().getAsJsonObject();
        DType dtype = dtype(t.get("dtype").getAsString());
        JsonArray dims = t.getAsJsonArray("shape");
        long[] shape = new long[dims.size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = dims.get(i).getAsLong();
        }
        JsonArray offsets = t.getAsJsonArray("data_offsets");
        long begin = offsets.get(0).getAsLong();
        long end = offsets.get(1).getAsLong();
        if (end < begin) {
          throw new IOException("bad data_offsets for " + e.getKey());
        }
        out.put(e.getKey(), new TensorData(dtype, shape, file.region(dataStart + begin, end - begin)));
      } catch (IllegalStateException | NullPointerException | IndexOutOfBoundsException
          | UnsupportedOperationException | NumberFormatException ex) {
        throw new IOException("bad safetensors header entry for " + e.getKey(), ex);
      }
    }
    return out;
  }
}
