package io.restorevideo.nn.rrdbnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;
import io.restorevideo.nn.Resize;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.WeightsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;

/**
 * basicsr's {@code RRDBNet} (ESRGAN / Real-ESRGAN generator) in eval mode, loaded from the official state
 * dict by its own key names. Scale 2 and 1 pixel-unshuffle the input first; every scale then runs the same
 * trunk and two nearest x2 upsamplings, so the output is the input size times the scale. Returns the raw
 * network output (no clamp): RealESRGANer clamps after stitching the tiles.
 */
public final class RrdbNet {
  private final RrdbNetShape shape;
  private final Conv conv_first;
  private final List<Rrdb> body;
  private final Conv conv_body;
  private final Conv conv_up1;
  private final Conv conv_up2;
  private final Conv conv_hr;
  private final Conv conv_last;

  private RrdbNet(RrdbNetShape shape, Conv convFirst, List<Rrdb> body, Conv convBody, Conv convUp1,
      Conv convUp2, Conv convHr, Conv convLast) {
    this.shape = shape;
    this.conv_first = convFirst;
    this.body = List.copyOf(body);
    this.conv_body = convBody;
    this.conv_up1 = convUp1;
    this.conv_up2 = convUp2;
    this.conv_hr = convHr;
    this.conv_last = convLast;
  }

  /** Reads {@code checkpoint} (.pth, {@code params_ema} unwrapped, or .safetensors) onto {@code manager}. */
  public static RrdbNet load(Path checkpoint, NDManager manager) {
    return load(CheckpointReader.read(checkpoint), manager);
  }

  /**
   * Builds the network from {@code dict}; widths, depth and scale come from its shapes. A missing key, a
   * wrong shape or a key the network does not use is a {@link io.restorevideo.weights.WeightsException}
   * naming the file and the first such key.
   */
  public static RrdbNet load(StateDict dict, NDManager manager) {
    RrdbNetShape shape = RrdbNetShape.infer(dict);
    Params p = new Params(dict, manager);
    long f = shape.numFeat();
    long g = shape.numGrowCh();
    long in = (long) shape.numInCh() * shape.unshuffle() * shape.unshuffle();
    Conv first = conv(p, "conv_first", f, in);
    List<Rrdb> blocks = new ArrayList<>();
    for (int i = 0; i < shape.numBlock(); i++) {
      for (String rdb : new String[] {"rdb1", "rdb2", "rdb3"}) {
        for (int k = 1; k <= 5; k++) {
          check3x3(dict, "body." + i + "." + rdb + ".conv" + k, k == 5 ? f : g, f + (k - 1) * g);
        }
      }
      blocks.add(new Rrdb(p.sub("body." + i)));
    }
    RrdbNet net = new RrdbNet(shape, first, blocks, conv(p, "conv_body", f, f), conv(p, "conv_up1", f, f),
        conv(p, "conv_up2", f, f), conv(p, "conv_hr", f, f), conv(p, "conv_last", shape.numOutCh(), f));
    p.checkAllUsed();
    return net;
  }

  private static Conv conv(Params p, String name, long out, long in) {
    check3x3(p.dict(), name, out, in);
    return Conv.same(p, name);
  }

  /**
   * Conv infers its geometry from the weight and treats the bias as optional, so the widths the trunk needs
   * and the biases every RRDBNet conv has are checked here first: a checkpoint of another layout then names
   * its first wrong key instead of failing inside a convolution or running without a bias.
   */
  private static void check3x3(StateDict dict, String name, long out, long in) {
    checkShape(dict, name + ".weight", out, in, 3, 3);
    checkShape(dict, name + ".bias", out);
  }

  private static void checkShape(StateDict dict, String key, long... want) {
    long[] got = dict.get(key).shape();
    if (!Arrays.equals(got, want)) {
      throw new WeightsException(dict.source() + ": shape mismatch for '" + key + "': checkpoint has "
          + Arrays.toString(got) + ", RRDBNet expects " + Arrays.toString(want));
    }
  }

  public RrdbNetShape shape() {
    return shape;
  }

  public int scale() {
    return shape.scale();
  }

  /** The same network with its parameters cast to {@code type} (FLOAT16 for half-precision GPU inference). */
  public RrdbNet toType(DataType type) {
    List<Rrdb> blocks = new ArrayList<>();
    for (Rrdb b : body) {
      blocks.add(b.toType(type));
    }
    return new RrdbNet(shape, conv_first.toType(type), blocks, conv_body.toType(type), conv_up1.toType(type),
        conv_up2.toType(type), conv_hr.toType(type), conv_last.toType(type));
  }

  /**
   * (b, 3, h, w) in [0, 1] RGB to (b, 3, h*scale, w*scale), owned by {@code x}'s manager; h and w must be
   * divisible by the unshuffle factor (2 for x2, 4 for x1). Intermediates are freed as soon as they are used.
   */
  public NDArray forward(NDArray x) {
    NDManager owner = x.getManager();
    try (NDManager scope = owner.newSubManager()) {
      x.tempAttach(scope);
      NDArray in = shape.unshuffle() > 1 ? PixelUnshuffle.apply(x, shape.unshuffle()) : x;
      NDArray feat = conv_first.forward(in);
      NDArray trunk = feat;
      for (Rrdb block : body) {
        NDArray next = block.forward(trunk);
        if (trunk != feat) {
          trunk.close();
        }
        trunk = next;
      }
      NDArray bodyFeat = conv_body.forward(trunk);
      trunk.close();
      feat = feat.add(bodyFeat);
      feat = upsample(conv_up1, feat);
      feat = upsample(conv_up2, feat);
      NDArray hr = lrelu(conv_hr.forward(feat));
      feat.close();
      NDArray out = conv_last.forward(hr);
      out.attach(owner);
      return out;
    }
  }

  /** nearest x2, conv, LeakyReLU; frees its input (the largest arrays of the network live here). */
  private static NDArray upsample(Conv conv, NDArray feat) {
    NDArray up = Resize.nearest2x(feat);
    feat.close();
    NDArray out = lrelu(conv.forward(up));
    up.close();
    return out;
  }

  /** LeakyReLU 0.2 that frees its input. */
  private static NDArray lrelu(NDArray x) {
    NDArray y = Activation.leakyRelu(x, ResidualDenseBlock.NEGATIVE_SLOPE);
    x.close();
    return y;
  }
}
