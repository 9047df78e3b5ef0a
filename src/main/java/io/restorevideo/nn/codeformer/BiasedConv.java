package io.restorevideo.nn.codeformer;

import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;

/**
 * Every conv of CodeFormer is built with {@code bias=True}, so a checkpoint without a bias is broken, not a
 * bias-free variant: these loaders report the missing key instead of running without it.
 */
final class BiasedConv {
  private BiasedConv() {}

  static Conv load(Params p, String name, int stride, int padding) {
    p.sub(name).tensor("bias");
    return Conv.load(p, name, stride, padding);
  }

  static Conv same(Params p, String name) {
    p.sub(name).tensor("bias");
    return Conv.same(p, name);
  }
}
