package io.restorevideo.nn.codeformer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.nn.Layer;
import io.restorevideo.nn.LayerNorm;
import io.restorevideo.nn.Linear;
import io.restorevideo.nn.Params;
import io.restorevideo.weights.WeightsException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The official {@code CodeFormer} network (codeformer_arch.py) in eval mode: VQGAN encoder, transformer
 * predicting a code per 16x16 token, top-1 codebook lookup, optional AdaIN, generator with
 * {@code Fuse_sft_block}s at the connect-list resolutions scaled by {@code w}. Field names follow the state dict.
 */
public final class CodeFormer {
  /** Official {@code fuse_encoder_block}: the encoder block after which each resolution's feature is taken. */
  static final Map<String, Integer> FUSE_ENCODER_BLOCK =
      Map.of("512", 2, "256", 5, "128", 8, "64", 11, "32", 14, "16", 18);
  /** Official {@code fuse_generator_block}: the generator block after which each resolution is fused. */
  static final Map<String, Integer> FUSE_GENERATOR_BLOCK =
      Map.of("16", 6, "32", 9, "64", 12, "128", 15, "256", 18, "512", 21);

  private final CodeFormerConfig config;
  private final Device device;
  private final DataType dataType;
  private final Encoder encoder;
  private final VectorQuantizer quantize;
  private final Generator generator;
  private final NDArray positionEmb;
  private final Linear featEmb;
  private final List<TransformerSALayer> ftLayers;
  private final LayerNorm idxPredLayer0;
  private final Linear idxPredLayer1;
  private final Map<String, FuseSftBlock> fuseConvsDict;
  private final Set<Integer> encoderOut;
  private final Map<Integer, String> generatorFuse;

  private CodeFormer(CodeFormerConfig config, Params p) {
    this.config = config;
    this.device = p.manager().getDevice();
    this.encoder = Encoder.load(p.sub("encoder"));
    this.quantize = VectorQuantizer.load(p);
    this.generator = Generator.load(p.sub("generator"));
    this.positionEmb = p.get("position_emb", config.latentSize(), config.dimEmbd());
    this.dataType = positionEmb.getDataType();
    p.tensor("feat_emb.bias");
    this.featEmb = Linear.load(p, "feat_emb");
    this.ftLayers = new ArrayList<>();
    for (int i = 0; i < config.layers(); i++) {
      ftLayers.add(TransformerSALayer.load(p.sub("ft_layers").sub(Integer.toString(i)), config.heads()));
    }
    Params idx = p.sub("idx_pred_layer");
    if (idx.has("1.bias")) {
      // The official head is Linear(bias=False); a bias here means a different network.
      throw new WeightsException(p.dict().source() + ": unexpected key 'idx_pred_layer.1.bias' (not part of this network)");
    }
    this.idxPredLayer0 = LayerNorm.load(idx, "0");
    this.idxPredLayer1 = Linear.load(idx, "1");
    this.fuseConvsDict = new LinkedHashMap<>();
    this.encoderOut = new TreeSet<>();
    this.generatorFuse = new HashMap<>();
    for (String size : config.connectList()) {
      Integer e = FUSE_ENCODER_BLOCK.get(size);
      Integer g = FUSE_GENERATOR_BLOCK.get(size);
      if (e == null || e >= encoder.size() || g >= generator.size()) {
        throw new WeightsException(p.dict().source() + ": fuse_convs_dict." + size
            + " does not fit the encoder/generator layout of this checkpoint");
      }
      fuseConvsDict.put(size, FuseSftBlock.load(p.sub("fuse_convs_dict").sub(size)));
      encoderOut.add(e);
      generatorFuse.put(g, size);
    }
    if (featEmb.inFeatures() != config.embDim() || idxPredLayer1.outFeatures() != config.codebookSize()) {
      throw new WeightsException(p.dict().source() + ": feat_emb / idx_pred_layer widths do not match the codebook "
          + "(" + featEmb.inFeatures() + " vs " + config.embDim() + ", " + idxPredLayer1.outFeatures() + " vs "
          + config.codebookSize() + ")");
    }
  }

  /**
   * Builds the network from the checkpoint in {@code p} (its manager decides device and lifetime; its float
   * type the precision) and checks that every key of the checkpoint was used.
   */
  public static CodeFormer load(Params p, int heads) {
    CodeFormerConfig config = CodeFormerConfig.infer(p.dict(), heads);
    CodeFormer net = new CodeFormer(config, p);
    p.checkAllUsed();
    return net;
  }

  public CodeFormerConfig config() {
    return config;
  }

  public Device device() {
    return device;
  }

  /**
   * One forward pass, as the official {@code net(x, w=w, adain=adain)}.
   *
   * @param batch (B, 3, H, W) float in [-1, 1], RGB; any manager and device
   * @param w fidelity weight; 0 skips every fusion block
   * @return float32 tensors on {@code batch}'s manager; every intermediate is already freed
   */
  public CodeFormerOutput forward(NDArray batch, float w, boolean adain) {
    NDManager caller = batch.getManager();
    try (NDManager call = caller.newSubManager(device)) {
      NDArray x = batch.toDevice(device, true);
      x.attach(call);
      x = x.toType(dataType, false);
      Map<String, NDArray> encFeat = new HashMap<>();
      NDArray lqFeat = encoder.forward(x, encoderOut, encFeat);

      Shape ls = lqFeat.getShape();
      long b = ls.get(0);
      NDArray query = featEmb.forward(lqFeat.reshape(b, ls.get(1), ls.get(2) * ls.get(3)).transpose(0, 2, 1));
      for (TransformerSALayer layer : ftLayers) {
        query = Layer.scoped(q -> layer.forward(q, positionEmb), query);
      }
      NDArray logits = idxPredLayer1.forward(idxPredLayer0.forward(query));
      // Official: top-1 of softmax(logits); softmax is taken so that near-ties resolve as in PyTorch.
      NDArray topIdx = logits.softmax(2).argMax(2);
      NDArray quantFeat = quantize.codebookFeat(topIdx, ls.get(2), ls.get(3));
      if (adain) {
        quantFeat = AdaIN.apply(quantFeat, lqFeat);
      }
      NDArray out = generator.forward(quantFeat, (i, v) -> {
        String size = generatorFuse.get(i);
        if (size == null || !(w > 0)) {
          return v;
        }
        return fuseConvsDict.get(size).forward(encFeat.get(size), v, w);
      });
      return new CodeFormerOutput(keep(out, caller), keep(logits, caller), keep(topIdx, caller),
          keep(lqFeat, caller), keep(quantFeat, caller));
    }
  }

  /** Float results leave as float32 on the caller's device and manager. */
  private static NDArray keep(NDArray a, NDManager caller) {
    NDArray r = a.getDataType().isFloating() ? a.toType(DataType.FLOAT32, false) : a;
    r = r.toDevice(caller.getDevice(), false);
    r.attach(caller);
    return r;
  }
}
