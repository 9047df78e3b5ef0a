package io.restorevideo.nn.rrdbnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;

/**
 * basicsr's {@code ResidualDenseBlock}: five 3x3 convolutions, each seeing the block input and every earlier
 * output, LeakyReLU 0.2 on the first four, and the result scaled by 0.2 onto the input.
 */
final class ResidualDenseBlock {
  static final float NEGATIVE_SLOPE = 0.2f;
  static final float RESIDUAL_SCALE = 0.2f;

  private final Conv conv1;
  private final Conv conv2;
  private final Conv conv3;
  private final Conv conv4;
  private final Conv conv5;

  ResidualDenseBlock(Params p) {
    conv1 = Conv.same(p, "conv1");
    conv2 = Conv.same(p, "conv2");
    conv3 = Conv.same(p, "conv3");
    conv4 = Conv.same(p, "conv4");
    conv5 = Conv.same(p, "conv5");
  }

  private ResidualDenseBlock(Conv[] convs) {
    conv1 = convs[0];
    conv2 = convs[1];
    conv3 = convs[2];
    conv4 = convs[3];
    conv5 = convs[4];
  }

  ResidualDenseBlock toType(DataType type) {
    return new ResidualDenseBlock(new Conv[] {
        conv1.toType(type), conv2.toType(type), conv3.toType(type), conv4.toType(type), conv5.toType(type)});
  }

  /** The block output, owned by {@code x}'s manager; every intermediate is freed before returning. */
  NDArray forward(NDArray x) {
    NDManager owner = x.getManager();
    try (NDManager scope = owner.newSubManager()) {
      x.tempAttach(scope);
      NDArray x1 = Activation.leakyRelu(conv1.forward(x), NEGATIVE_SLOPE);
      NDArray x2 = Activation.leakyRelu(conv2.forward(cat(x, x1)), NEGATIVE_SLOPE);
      NDArray x3 = Activation.leakyRelu(conv3.forward(cat(x, x1, x2)), NEGATIVE_SLOPE);
      NDArray x4 = Activation.leakyRelu(conv4.forward(cat(x, x1, x2, x3)), NEGATIVE_SLOPE);
      NDArray x5 = conv5.forward(cat(x, x1, x2, x3, x4));
      NDArray out = x5.mul(RESIDUAL_SCALE).add(x);
      out.attach(owner);
      return out;
    }
  }

  private static NDArray cat(NDArray... parts) {
    return NDArrays.concat(new NDList(parts), 1);
  }
}
