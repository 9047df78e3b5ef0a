package io.restorevideo.nn.codeformer;

import io.restorevideo.nn.GroupNorm;
import io.restorevideo.nn.Layer;
import io.restorevideo.nn.Params;
import io.restorevideo.weights.WeightsException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code blocks} ModuleList of VQGAN's Encoder and Generator, rebuilt from the checkpoint: each index's
 * keys say what the block is (norm1 = ResBlock, q = AttnBlock, conv = Down/Upsample, a 4-D weight = conv,
 * a 1-D weight = GroupNorm). So the layout (levels, res blocks, attention resolutions) is the checkpoint's own.
 */
final class BlockList {
  private BlockList() {}

  /** Blocks {@code p.blocks.0 ..}; {@code resample} builds the block that has a {@code conv} child. */
  static List<Layer> load(Params p, Function<Params, Layer> resample) {
    List<Layer> blocks = new ArrayList<>();
    Params all = p.sub("blocks");
    for (int i = 0; all.hasModule(Integer.toString(i)); i++) {
      Params b = all.sub(Integer.toString(i));
      if (b.has("norm1.weight")) {
        blocks.add(ResBlock.load(b));
      } else if (b.has("q.weight")) {
        blocks.add(AttnBlock.load(b));
      } else if (b.has("conv.weight")) {
        blocks.add(resample.apply(b));
      } else if (b.has("weight") && b.tensor("weight").rank() == 4) {
        blocks.add(BiasedConv.same(all, Integer.toString(i))::forward);
      } else if (b.has("weight") && b.tensor("weight").rank() == 1) {
        blocks.add(GroupNorm.vqgan(all, Integer.toString(i)));
      } else {
        throw new WeightsException(p.dict().source() + ": unrecognised VQGAN block 'blocks." + i + "' in "
            + "the checkpoint");
      }
    }
    if (blocks.isEmpty()) {
      throw new WeightsException(p.dict().source() + ": no VQGAN blocks found");
    }
    return blocks;
  }
}
