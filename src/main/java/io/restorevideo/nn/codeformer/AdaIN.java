package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * CodeFormer's {@code adaptive_instance_normalization}: gives the content feature the per-channel mean and
 * std of the style feature. Std is the unbiased (N-1) one plus eps under the root, as {@code calc_mean_std}.
 */
final class AdaIN {
  static final float EPS = 1e-5f;

  private AdaIN() {}

  static NDArray apply(NDArray content, NDArray style) {
    NDArray[] cs = meanStd(content);
    NDArray[] ss = meanStd(style);
    return content.sub(cs[0]).div(cs[1]).mul(ss[1]).add(ss[0]);
  }

  private static NDArray[] meanStd(NDArray feat) {
    Shape s = feat.getShape();
    long n = s.get(2) * s.get(3);
    NDArray flat = feat.reshape(s.get(0), s.get(1), n);
    NDArray mean = flat.mean(new int[] {2}, true);
    NDArray var = flat.sub(mean).square().sum(new int[] {2}, true).div((float) (n - 1)).add(EPS);
    return new NDArray[] {mean.reshape(s.get(0), s.get(1), 1, 1), var.sqrt().reshape(s.get(0), s.get(1), 1, 1)};
  }
}
