package io.restorevideo.nn.parsenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.restorevideo.nn.Params;
import io.restorevideo.weights.StateDict;
import java.util.ArrayList;
import java.util.List;

/**
 * facelib's {@code ParseNet} ({@code parsing_parsenet.pth}, a plain state dict): {@code encoder.0} ConvLayer,
 * then 'down' residual blocks ({@code encoder.1..}), {@code body} blocks added to their input,
 * 'up' blocks ({@code decoder}), and {@code out_mask_conv} giving the face-parsing logits. Depths and widths
 * are read from the keys, so the official network and small test configurations run through the same code.
 * Input: (N, 3, H, W) RGB in [-1, 1].
 */
public final class ParseNet {
  private final ConvLayer stem;
  private final List<ResidualBlock> encoder = new ArrayList<>();
  private final List<ResidualBlock> body = new ArrayList<>();
  private final List<ResidualBlock> decoder = new ArrayList<>();
  private final ConvLayer outMaskConv;

  private ParseNet(Params p) {
    stem = new ConvLayer(p.sub("encoder.0"), ConvLayer.Scale.NONE, false);
    for (int i = 1; p.has("encoder." + i + ".conv1.conv2d.weight"); i++) {
      encoder.add(new ResidualBlock(p.sub("encoder." + i), ConvLayer.Scale.DOWN));
    }
    for (int i = 0; p.has("body." + i + ".conv1.conv2d.weight"); i++) {
      body.add(new ResidualBlock(p.sub("body." + i), ConvLayer.Scale.NONE));
    }
    for (int i = 0; p.has("decoder." + i + ".conv1.conv2d.weight"); i++) {
      decoder.add(new ResidualBlock(p.sub("decoder." + i), ConvLayer.Scale.UP));
    }
    outMaskConv = new ConvLayer(p.sub("out_mask_conv"), ConvLayer.Scale.NONE, false);
    // out_img_conv (the network's reconstructed image) is never used by the helper: its weights are
    // accepted but not loaded or run
    p.skip("out_img_conv.conv2d.weight");
    p.skip("out_img_conv.conv2d.bias");
    p.checkAllUsed();
  }

  /** Loads the parameters onto {@code manager}; a missing, misshapen or unexpected key names the file and key. */
  public static ParseNet load(StateDict dict, NDManager manager) {
    return new ParseNet(new Params(dict, manager));
  }

  public long classes() {
    return outMaskConv.outChannels();
  }

  /** The parsing logits {@code out_mask} (N, classes, H, W), attached to the input's manager. */
  public NDArray forward(NDArray x) {
    NDArray feat = stem.forward(x);
    feat = run(encoder, feat);
    NDArray b = run(body, feat, false);
    NDArray h = feat.add(b);
    feat.close();
    b.close();
    NDArray d = run(decoder, h);
    NDArray out = outMaskConv.forward(d);
    d.close();
    return out;
  }

  private static NDArray run(List<ResidualBlock> blocks, NDArray x) {
    return run(blocks, x, true);
  }

  /** Runs blocks in sequence, closing each intermediate (and the input when {@code consumeInput}). */
  private static NDArray run(List<ResidualBlock> blocks, NDArray x, boolean consumeInput) {
    NDArray h = x;
    for (ResidualBlock block : blocks) {
      NDArray next = block.forward(h);
      if (h != x || consumeInput) {
        h.close();
      }
      h = next;
    }
    return h;
  }
}
