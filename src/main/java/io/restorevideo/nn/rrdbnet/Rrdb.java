package io.restorevideo.nn.rrdbnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.restorevideo.nn.Params;

/** basicsr's {@code RRDB}: three residual dense blocks in a row, their result scaled by 0.2 onto the input. */
final class Rrdb {
  private final ResidualDenseBlock rdb1;
  private final ResidualDenseBlock rdb2;
  private final ResidualDenseBlock rdb3;

  Rrdb(Params p) {
    this(new ResidualDenseBlock(p.sub("rdb1")), new ResidualDenseBlock(p.sub("rdb2")),
        new ResidualDenseBlock(p.sub("rdb3")));
  }

  private Rrdb(ResidualDenseBlock rdb1, ResidualDenseBlock rdb2, ResidualDenseBlock rdb3) {
    this.rdb1 = rdb1;
    this.rdb2 = rdb2;
    this.rdb3 = rdb3;
  }

  Rrdb toType(DataType type) {
    return new Rrdb(rdb1.toType(type), rdb2.toType(type), rdb3.toType(type));
  }

  NDArray forward(NDArray x) {
    try (NDArray a = rdb1.forward(x);
        NDArray b = rdb2.forward(a);
        NDArray c = rdb3.forward(b);
        NDArray scaled = c.mul(ResidualDenseBlock.RESIDUAL_SCALE)) {
      return scaled.add(x);
    }
  }
}
