package io.restorevideo.nn.codeformer;

import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.WeightsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The widths of a CodeFormer network, read from its checkpoint's tensor shapes so that the official file and
 * small test networks go through the same code. Only the number of attention heads cannot be read from
 * shapes (it splits the width without adding parameters): it is given, {@link #DEFAULT_HEADS} (the official
 * {@code n_head=8}) unless the caller knows better.
 *
 * @param nf encoder base width ({@code encoder.blocks.0.weight} out channels)
 * @param chMult width multiplier per level, from the encoder's ResBlocks between Downsamples
 * @param embDim codebook vector width ({@code quantize.embedding.weight} columns)
 * @param codebookSize codebook rows
 * @param dimEmbd transformer width ({@code position_emb} columns)
 * @param latentSize tokens ({@code position_emb} rows; 256 = 16x16)
 * @param heads attention heads per transformer layer
 * @param layers transformer layers ({@code ft_layers.N})
 * @param dimMlp transformer MLP width
 * @param connectList resolutions with a {@code fuse_convs_dict} block, ascending
 */
public record CodeFormerConfig(int nf, List<Integer> chMult, int embDim, int codebookSize, int dimEmbd,
    int latentSize, int heads, int layers, int dimMlp, List<String> connectList) {
  /** {@code n_head} of the official CodeFormer (inference_codeformer.py builds it with n_head=8). */
  public static final int DEFAULT_HEADS = 8;

  public CodeFormerConfig {
    chMult = List.copyOf(chMult);
    connectList = List.copyOf(connectList);
  }

  /** The official {@code codeformer.pth} network, for comparison with what a checkpoint gives. */
  public static CodeFormerConfig official() {
    return new CodeFormerConfig(64, List.of(1, 2, 2, 4, 4, 8), 256, 1024, 512, 256, 8, 9, 1024,
        List.of("32", "64", "128", "256"));
  }

  /** Reads the widths from {@code dict}; a file that is not a CodeFormer checkpoint is named as such. */
  public static CodeFormerConfig infer(StateDict dict, int heads) {
    String[] markers = {"encoder.blocks.0.weight", "quantize.embedding.weight", "position_emb",
        "feat_emb.weight", "ft_layers.0.self_attn.in_proj_weight", "idx_pred_layer.1.weight",
        "generator.blocks.0.weight"};
    for (String k : markers) {
      if (!dict.contains(k)) {
        throw new WeightsException(dict.source() + ": not a CodeFormer checkpoint: missing key '" + k + "'");
      }
    }
    int nf = dim(dict, "encoder.blocks.0.weight", 0);
    int layers = 0;
    while (dict.contains("ft_layers." + layers + ".self_attn.in_proj_weight")) {
      layers++;
    }
    List<String> connect = new ArrayList<>();
    for (String k : dict.keys()) {
      if (k.startsWith("fuse_convs_dict.") && k.endsWith(".encode_enc.norm1.weight")) {
        connect.add(k.substring("fuse_convs_dict.".length(), k.indexOf(".encode_enc")));
      }
    }
    connect.sort(Comparator.comparingInt(Integer::parseInt));
    return new CodeFormerConfig(nf, chMult(dict, nf), dim(dict, "quantize.embedding.weight", 1),
        dim(dict, "quantize.embedding.weight", 0), dim(dict, "position_emb", 1), dim(dict, "position_emb", 0),
        heads, layers, dim(dict, "ft_layers.0.linear1.weight", 0), connect);
  }

  /** Walks encoder.blocks: a level ends at each Downsample; its width is its last ResBlock's. */
  private static List<Integer> chMult(StateDict dict, int nf) {
    List<Integer> mult = new ArrayList<>();
    int width = -1;
    for (int i = 0; hasBlock(dict, i); i++) {
      String b = "encoder.blocks." + i + ".";
      if (dict.contains(b + "conv2.weight")) {
        width = dim(dict, b + "conv2.weight", 0);
      } else if (dict.contains(b + "conv.weight")) {
        mult.add(width / nf);
      }
    }
    mult.add(width / nf);
    return mult;
  }

  private static boolean hasBlock(StateDict dict, int i) {
    String b = "encoder.blocks." + i + ".";
    return dict.keys().stream().anyMatch(k -> k.startsWith(b));
  }

  private static int dim(StateDict dict, String key, int axis) {
    return Math.toIntExact(dict.get(key).dim(axis));
  }
}
