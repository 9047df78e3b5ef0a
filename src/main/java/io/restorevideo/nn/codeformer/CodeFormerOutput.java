package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;

/**
 * What one CodeFormer forward gives, float32, on the caller's manager: {@code output} (B,3,H,W) in about
 * [-1,1], {@code logits} (B, tokens, codebook), {@code topIdx} (B, tokens) int64, {@code lqFeat} (encoder
 * output) and {@code quantFeat} (the generator's input: codebook rows, after AdaIN when asked).
 */
public record CodeFormerOutput(NDArray output, NDArray logits, NDArray topIdx, NDArray lqFeat, NDArray quantFeat)
    implements AutoCloseable {
  @Override
  public void close() {
    output.close();
    logits.close();
    topIdx.close();
    lqFeat.close();
    quantFeat.close();
  }
}
