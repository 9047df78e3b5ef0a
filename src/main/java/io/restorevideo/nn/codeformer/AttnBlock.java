package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.GroupNorm;
import io.restorevideo.nn.Layer;
import io.restorevideo.nn.Params;

/** VQGAN's {@code AttnBlock}: single-head spatial self-attention with 1x1 q/k/v/proj_out convs, plus the input. */
final class AttnBlock implements Layer {
  private final GroupNorm norm;
  private final Conv q;
  private final Conv k;
  private final Conv v;
  private final Conv projOut;

  private AttnBlock(GroupNorm norm, Conv q, Conv k, Conv v, Conv projOut) {
    this.norm = norm;
    this.q = q;
    this.k = k;
    this.v = v;
    this.projOut = projOut;
  }

  static AttnBlock load(Params p) {
    return new AttnBlock(GroupNorm.vqgan(p, "norm"), BiasedConv.same(p, "q"), BiasedConv.same(p, "k"), BiasedConv.same(p, "v"),
        BiasedConv.same(p, "proj_out"));
  }

  @Override
  public NDArray forward(NDArray x) {
    NDArray h = norm.forward(x);
    Shape s = x.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long hw = s.get(2) * s.get(3);
    NDArray qs = q.forward(h).reshape(b, c, hw).transpose(0, 2, 1);
    NDArray ks = k.forward(h).reshape(b, c, hw);
    // The official code scales the product (not q) by c^-0.5, computed in Python double then used as float.
    NDArray w = qs.batchMatMul(ks).mul((float) Math.pow((double) c, -0.5)).softmax(2);
    NDArray vs = v.forward(h).reshape(b, c, hw);
    NDArray out = vs.batchMatMul(w.transpose(0, 2, 1)).reshape(s);
    return x.add(projOut.forward(out));
  }
}
