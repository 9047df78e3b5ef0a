package io.restorevideo.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The default {@code torch.save} format: a zip holding {@code <prefix>/data.pkl} and one stored entry per
 * storage, {@code <prefix>/data/<key>}. The prefix is chosen by the writer (often the file stem, or
 * {@code archive}), so it is taken from wherever data.pkl is.
 */
final class TorchZipFormat {
  private TorchZipFormat() {}

  static TorchPickle read(MappedFile file) throws IOException {
    ZipDirectory zip = new ZipDirectory(file);
    Map<String, ZipDirectory.Entry> entries = zip.entries();
    String prefix = null;
    for (String name : entries.keySet()) {
      if (name.endsWith("data.pkl") && name.indexOf('/') == name.length() - "/data.pkl".length()) {
        prefix = name.substring(0, name.length() - "data.pkl".length());
        break;
      }
    }
    if (prefix == null) {
      throw new NotACheckpointException("a zip file without <prefix>/data.pkl");
    }
    ZipDirectory.Entry order = entries.get(prefix + "byteorder");
    if (order != null) {
      ByteBuffer b = zip.data(order);
      byte[] text = new byte[b.remaining()];
      b.get(text);
      if (!"little".equals(new String(text, StandardCharsets.US_ASCII).trim())) {
        throw new IOException("big-endian checkpoints are not supported");
      }
    }
    TorchUnpickler unpickler = new TorchUnpickler();
    Object root = unpickler.load(new ByteBufferInputStream(zip.data(entries.get(prefix + "data.pkl"))));
    String dataPrefix = prefix + "data/";
    return new TorchPickle(root, key -> {
      ZipDirectory.Entry e = entries.get(dataPrefix + key);
      if (e == null) {
        throw new IOException("storage entry " + dataPrefix + key + " is missing");
      }
      return zip.data(e);
    });
  }
}
