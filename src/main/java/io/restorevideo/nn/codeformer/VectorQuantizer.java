package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import io.restorevideo.nn.Params;

/**
 * The codebook of VQGAN's {@code VectorQuantizer} ({@code quantize.embedding.weight}, codebook_size x emb_dim)
 * and its {@code get_codebook_feat}: the official one-hot matmul picks one row per token, which is exactly
 * a row lookup, done as one here.
 */
final class VectorQuantizer {
  private final NDArray embedding;

  private VectorQuantizer(NDArray embedding) {
    this.embedding = embedding;
  }

  static VectorQuantizer load(Params p) {
    return new VectorQuantizer(p.sub("quantize").sub("embedding").get("weight"));
  }

  long codebookSize() {
    return embedding.getShape().get(0);
  }

  long embDim() {
    return embedding.getShape().get(1);
  }

  /** Indices (B, h*w), row-major tokens, to features (B, emb_dim, h, w). */
  NDArray codebookFeat(NDArray indices, long h, long w) {
    long b = indices.getShape().get(0);
    NDArray rows = embedding.get(new NDIndex("{}", indices.reshape(-1)));
    return rows.reshape(b, h, w, embDim()).transpose(0, 3, 1, 2);
  }
}
