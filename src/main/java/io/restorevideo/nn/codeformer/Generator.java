package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import io.restorevideo.nn.Layer;
import io.restorevideo.nn.Params;
import java.util.List;
import java.util.function.BiFunction;

/** VQGAN's {@code Generator} (state-dict prefix {@code generator.blocks}): the 16x16 latent back to RGB. */
final class Generator {
  private final List<Layer> blocks;

  private Generator(List<Layer> blocks) {
    this.blocks = blocks;
  }

  static Generator load(Params p) {
    return new Generator(BlockList.load(p, Upsample::load));
  }

  int size() {
    return blocks.size();
  }

  /**
   * Runs every block; after each, {@code afterBlock(i, x)} may replace x (CodeFormer's fusion) and returns
   * x itself when it leaves it alone. Intermediates are freed as the run goes.
   */
  NDArray forward(NDArray x, BiFunction<Integer, NDArray, NDArray> afterBlock) {
    NDArray cur = x;
    for (int i = 0; i < blocks.size(); i++) {
      NDArray next = Layer.scoped(blocks.get(i), cur);
      release(cur, x);
      final int index = i;
      final NDArray out = next;
      NDArray fused = Layer.scoped(v -> afterBlock.apply(index, v), out);
      if (fused != out) {
        out.close();
      }
      cur = fused;
    }
    return cur;
  }

  private static void release(NDArray a, NDArray input) {
    if (a != input) {
      a.close();
    }
  }
}
