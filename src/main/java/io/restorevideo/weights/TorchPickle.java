package io.restorevideo.weights;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The unpickled object tree of a torch.save file and where the bytes of its storages are. */
record TorchPickle(Object root, StorageSource storages) {

  /** The raw bytes of a whole storage, by the key its persistent id names. */
  @FunctionalInterface
  interface StorageSource {
    ByteBuffer bytes(String key) throws IOException;
  }
}
