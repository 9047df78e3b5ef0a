package io.restorevideo.nn.codeformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Activation;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;

/**
 * CodeFormer's {@code Fuse_sft_block} (prefix {@code fuse_convs_dict.<size>}): a ResBlock over the
 * concatenated encoder and decoder features predicts an SFT scale and shift; the decoder feature gets
 * {@code w * (dec * scale + shift)} added, so w is the fidelity knob.
 */
final class FuseSftBlock {
  private final ResBlock encodeEnc;
  private final Conv scale0;
  private final Conv scale2;
  private final Conv shift0;
  private final Conv shift2;

  private FuseSftBlock(ResBlock encodeEnc, Conv scale0, Conv scale2, Conv shift0, Conv shift2) {
    this.encodeEnc = encodeEnc;
    this.scale0 = scale0;
    this.scale2 = scale2;
    this.shift0 = shift0;
    this.shift2 = shift2;
  }

  static FuseSftBlock load(Params p) {
    Params scale = p.sub("scale");
    Params shift = p.sub("shift");
    return new FuseSftBlock(ResBlock.load(p.sub("encode_enc")), BiasedConv.same(scale, "0"), BiasedConv.same(scale, "2"),
        BiasedConv.same(shift, "0"), BiasedConv.same(shift, "2"));
  }

  long channels() {
    return encodeEnc.outChannels();
  }

  NDArray forward(NDArray encFeat, NDArray decFeat, float w) {
    NDArray enc = encodeEnc.forward(NDArrays.concat(new ai.djl.ndarray.NDList(encFeat, decFeat), 1));
    NDArray scale = scale2.forward(Activation.leakyRelu(scale0.forward(enc), 0.2f));
    NDArray shift = shift2.forward(Activation.leakyRelu(shift0.forward(enc), 0.2f));
    NDArray residual = decFeat.mul(scale).add(shift).mul(w);
    return decFeat.add(residual);
  }
}
