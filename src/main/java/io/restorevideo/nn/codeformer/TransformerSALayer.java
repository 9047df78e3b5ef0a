package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.restorevideo.nn.LayerNorm;
import io.restorevideo.nn.Linear;
import io.restorevideo.nn.MultiheadAttention;
import io.restorevideo.nn.Params;

/**
 * CodeFormer's {@code TransformerSALayer} (pre-norm, eval mode so dropout is the identity): self-attention
 * with the position embedding added to queries and keys only, then a GELU MLP; both residual.
 * Tokens are batch-first (B, L, E).
 */
final class TransformerSALayer {
  private final MultiheadAttention selfAttn;
  private final Linear linear1;
  private final Linear linear2;
  private final LayerNorm norm1;
  private final LayerNorm norm2;

  private TransformerSALayer(MultiheadAttention selfAttn, Linear linear1, Linear linear2, LayerNorm norm1,
      LayerNorm norm2) {
    this.selfAttn = selfAttn;
    this.linear1 = linear1;
    this.linear2 = linear2;
    this.norm1 = norm1;
    this.norm2 = norm2;
  }

  static TransformerSALayer load(Params p, int heads) {
    p.tensor("linear1.bias");
    p.tensor("linear2.bias");
    return new TransformerSALayer(MultiheadAttention.load(p, "self_attn", heads), Linear.load(p, "linear1"),
        Linear.load(p, "linear2"), LayerNorm.load(p, "norm1"), LayerNorm.load(p, "norm2"));
  }

  long dimMlp() {
    return linear1.outFeatures();
  }

  /** @param queryPos (L, E), broadcast over the batch */
  NDArray forward(NDArray tgt, NDArray queryPos) {
    NDArray t2 = norm1.forward(tgt);
    NDArray qk = t2.add(queryPos);
    NDArray x = tgt.add(selfAttn.forward(qk, qk, t2));
    NDArray m = linear2.forward(Activation.gelu(linear1.forward(norm2.forward(x))));
    return x.add(m);
  }
}
