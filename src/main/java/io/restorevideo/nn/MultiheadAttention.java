package io.restorevideo.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.weights.WeightsException;

/**
 * PyTorch's {@code nn.MultiheadAttention(embed_dim, num_heads)} in eval mode without masks, loaded from its
 * packed {@code in_proj_weight}/{@code in_proj_bias} and {@code out_proj}. Tensors are batch-first
 * (B, L, E) here; PyTorch's default sequence-first layout gives the same numbers since every step but the
 * attention itself is per token. The number of heads is not stored in the state dict, so the caller gives it.
 */
public final class MultiheadAttention {
  private final Linear qProj;
  private final Linear kProj;
  private final Linear vProj;
  private final Linear outProj;
  private final int heads;
  private final long embed;

  private MultiheadAttention(Linear q, Linear k, Linear v, Linear out, int heads, long embed) {
    this.qProj = q;
    this.kProj = k;
    this.vProj = v;
    this.outProj = out;
    this.heads = heads;
    this.embed = embed;
  }

  public static MultiheadAttention load(Params p, String name, int heads) {
    Params q = p.sub(name);
    long[] ws = q.tensor("in_proj_weight").shape();
    if (ws.length != 2 || ws[0] != 3 * ws[1]) {
      throw new WeightsException(p.dict().source() + ": '" + p.key(name) + ".in_proj_weight' is not (3E, E): "
          + java.util.Arrays.toString(ws));
    }
    long e = ws[1];
    if (heads <= 0 || e % heads != 0) {
      throw new WeightsException(p.dict().source() + ": '" + p.key(name) + "': embedding width " + e
          + " is not divisible by " + heads + " heads");
    }
    NDArray w = q.get("in_proj_weight", 3 * e, e);
    NDArray b = q.get("in_proj_bias", 3 * e);
    Linear[] qkv = new Linear[3];
    for (int i = 0; i < 3; i++) {
      NDIndex rows = new NDIndex(i * e + ":" + (i + 1) * e);
      qkv[i] = Linear.of(w.get(rows), b.get(rows));
    }
    q.tensor("out_proj.bias"); // nn.MultiheadAttention always has it: a missing one is reported by name
    Linear out = Linear.load(q, "out_proj");
    return new MultiheadAttention(qkv[0], qkv[1], qkv[2], out, heads, e);
  }

  public int heads() {
    return heads;
  }

  /** query/key/value (B, L, E) to (B, L, E). */
  public NDArray forward(NDArray query, NDArray key, NDArray value) {
    long b = query.getShape().get(0);
    long len = query.getShape().get(1);
    long hd = embed / heads;
    // PyTorch scales q before the product; the same order keeps the rounding the same.
    NDArray q = split(qProj.forward(query), b, len, hd).div((float) Math.sqrt(hd));
    NDArray k = split(kProj.forward(key), b, len, hd);
    NDArray v = split(vProj.forward(value), b, len, hd);
    NDArray attn = q.batchMatMul(k.transpose(0, 2, 1)).softmax(-1);
    NDArray o = attn.batchMatMul(v).reshape(b, heads, len, hd).transpose(0, 2, 1, 3).reshape(b, len, embed);
    return outProj.forward(o);
  }

  /** (B, L, E) to (B*H, L, hd), the 3-D layout DJL's batchMatMul needs. */
  private NDArray split(NDArray x, long b, long len, long hd) {
    return x.reshape(b, len, heads, hd).transpose(0, 2, 1, 3).reshape(new Shape(b * heads, len, hd));
  }
}
