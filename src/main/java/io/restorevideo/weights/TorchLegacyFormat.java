package io.restorevideo.weights;

import java.io.EOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pre-1.6 {@code torch.save} format ({@code _use_new_zipfile_serialization=False}): pickles of the magic
 * number, the protocol version and sys_info, then the object pickle, then a pickle listing the storage keys,
 * then for each key in that order an int64 element count followed by the raw little-endian elements.
 */
final class TorchLegacyFormat {
  private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

  private TorchLegacyFormat() {}

  /** One pickle; running out of bytes inside it is reported as truncation, whatever the library says. */
  private static Object load(TorchUnpickler unpickler, ByteBufferInputStream in) throws IOException {
    try {
      return unpickler.load(in);
    } catch (IOException | RuntimeException e) {
      if (in.available() == 0) {
        throw new EOFException("the file ends inside a pickle");
      }
      throw e;
    }
  }

  static TorchPickle read(MappedFile file) throws IOException {
    ByteBuffer whole = file.whole();
    if (whole == null) {
      throw new IOException("legacy checkpoints over 2 GiB are not supported");
    }
    ByteBufferInputStream in = new ByteBufferInputStream(whole);
    Object magic = load(new TorchUnpickler(), in);
    if (!(magic instanceof Number n) || !MAGIC.equals(new BigInteger(n.toString()))) {
      throw new NotACheckpointException("a pickle file that is not a PyTorch checkpoint");
    }
    Object protocol = load(new TorchUnpickler(), in);
    if (!(protocol instanceof Number p) || p.intValue() != 1001) {
      throw new IOException("unsupported legacy protocol version " + protocol);
    }
    Object sysInfo = load(new TorchUnpickler(), in);
    if (sysInfo instanceof Map<?, ?> info && Boolean.FALSE.equals(info.get("little_endian"))) {
      throw new IOException("big-endian checkpoints are not supported");
    }
    TorchUnpickler main = new TorchUnpickler();
    Object root = load(main, in);
    Object keys = load(new TorchUnpickler(), in);
    if (!(keys instanceof List<?> keyList)) {
      throw new IOException("storage key list missing");
    }
    Map<String, ByteBuffer> storages = new HashMap<>();
    long pos = whole.position();
    for (Object k : keyList) {
      String key = String.valueOf(k);
      DType dtype = main.storages().get(key);
      if (dtype == null) {
        throw new IOException("storage " + key + " is listed but never used");
      }
      long count = file.region(pos, 8).getLong(0);
      if (count < 0) {
        throw new IOException("negative element count for storage " + key);
      }
      storages.put(key, file.region(pos + 8, count * dtype.bytes()));
      pos += 8 + count * dtype.bytes();
    }
    return new TorchPickle(root, key -> {
      ByteBuffer b = storages.get(key);
      if (b == null) {
        throw new EOFException("storage " + key + " is missing");
      }
      return b;
    });
  }
}
