package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import io.restorevideo.nn.Layer;
import io.restorevideo.nn.Params;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** VQGAN's {@code Encoder} (state-dict prefix {@code encoder.blocks}): 512x512x3 to the 16x16 latent. */
final class Encoder {
  private final List<Layer> blocks;

  private Encoder(List<Layer> blocks) {
    this.blocks = blocks;
  }

  static Encoder load(Params p) {
    return new Encoder(BlockList.load(p, Downsample::load));
  }

  int size() {
    return blocks.size();
  }

  /**
   * Runs every block; the outputs of the blocks at {@code captureAt} are kept in {@code features} under their
   * spatial width (as the official {@code enc_feat_dict[str(x.shape[-1])]}). Other intermediates are freed.
   */
  NDArray forward(NDArray x, Set<Integer> captureAt, Map<String, NDArray> features) {
    NDArray cur = x;
    for (int i = 0; i < blocks.size(); i++) {
      NDArray next = Layer.scoped(blocks.get(i), cur);
      if (cur != x && !captureAt.contains(i - 1)) {
        cur.close();
      }
      cur = next;
      if (captureAt.contains(i)) {
        features.put(Long.toString(cur.getShape().get(3)), cur);
      }
    }
    return cur;
  }
}
