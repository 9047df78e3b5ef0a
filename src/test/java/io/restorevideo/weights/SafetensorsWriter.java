package io.restorevideo.weights;

import com.google.gson.Gson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes tensors as a .safetensors file, streaming each tensor's buffer to disk (no whole-file array). */
public final class SafetensorsWriter {
  private SafetensorsWriter() {}

  /** Writes {@code tensors} in map order; an existing file is replaced. */
  public static void write(Path file, Map<String, TensorData> tensors) {
    Map<String, Object> header = new LinkedHashMap<>();
    long offset = 0;
    for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
      TensorData t = e.getValue();
      long bytes = t.numel() * t.dtype().bytes();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("dtype", SafetensorsFormat.name(t.dtype()));
      entry.put("shape", t.shape());
      entry.put("data_offsets", List.of(offset, offset + bytes));
      header.put(e.getKey(), entry);
      offset += bytes;
    }
    byte[] json = new Gson().toJson(header).getBytes(StandardCharsets.UTF_8);
    // The format pads the header with spaces so the data starts 8-byte aligned.
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(json);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    head.flip();
    try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      writeFully(out, head);
      for (TensorData t : tensors.values()) {
        writeFully(out, t.data());
      }
    } catch (IOException e) {
      throw new WeightsException(file + ": cannot write safetensors file: " + e.getMessage(), e);
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      out.write(b);
    }
  }
}
