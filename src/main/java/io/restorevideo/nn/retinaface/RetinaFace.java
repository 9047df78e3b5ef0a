package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.restorevideo.nn.Params;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.WeightsException;

/**
 * facelib's {@code RetinaFace} (phase 'test'): backbone, FPN, three SSH modules and the class/box/landmark
 * heads of {@code detection_mobilenet0.25_Final.pth} or {@code detection_Resnet50_Final.pth}, loaded by the
 * official key names. The backbone is chosen from the keys present; widths come from the tensor shapes.
 * Input: (N, 3, H, W) float32 BGR with the mean (104, 117, 123) already subtracted.
 */
public final class RetinaFace {
  /** The prefix {@code nn.DataParallel} leaves on the released checkpoints' keys. */
  private static final String DATA_PARALLEL_PREFIX = "module.";
  private static final int LEVELS = 3;

  /** Which official backbone a checkpoint holds. */
  public enum Kind {
    MOBILENET_0_25,
    RESNET_50
  }

  private final Kind kind;
  private final Backbone body;
  private final Fpn fpn;
  private final Ssh[] ssh = new Ssh[LEVELS];
  private final Head[] classHead = new Head[LEVELS];
  private final Head[] bboxHead = new Head[LEVELS];
  private final Head[] landmarkHead = new Head[LEVELS];

  private RetinaFace(Params p) {
    kind = detectKind(p.dict());
    body = kind == Kind.MOBILENET_0_25 ? new MobileNetV1(p.sub("body")) : new ResNet50(p.sub("body"));
    fpn = new Fpn(p.sub("fpn"));
    long width = p.tensor("fpn.output1.0.weight").dim(0);
    for (int i = 0; i < LEVELS; i++) {
      ssh[i] = new Ssh(p.sub("ssh" + (i + 1)), width);
      classHead[i] = new Head(p.sub("ClassHead." + i), 2);
      bboxHead[i] = new Head(p.sub("BboxHead." + i), 4);
      landmarkHead[i] = new Head(p.sub("LandmarkHead." + i), 10);
    }
    p.checkAllUsed();
  }

  /**
   * Loads the network's parameters onto {@code manager}. Keys may carry the {@code module.} prefix; a missing,
   * misshapen or unexpected key is a {@link WeightsException} naming the file and the first such key.
   */
  public static RetinaFace load(StateDict dict, NDManager manager) {
    return new RetinaFace(new Params(stripDataParallel(dict), manager));
  }

  public Kind kind() {
    return kind;
  }

  /** The whole forward pass; outputs are attached to the input's manager. */
  public RetinaFaceOutput forward(NDArray x) {
    if (x.getShape().dimension() != 4 || x.getShape().get(1) != 3) {
      throw new IllegalArgumentException("RetinaFace expects (N, 3, H, W), got " + x.getShape());
    }
    NDArray[] levels = body.forward(x);
    NDArray[] pyramid = fpn.forward(levels);
    for (NDArray a : levels) {
      a.close();
    }
    NDList loc = new NDList();
    NDList conf = new NDList();
    NDList landms = new NDList();
    for (int i = 0; i < LEVELS; i++) {
      NDArray f = ssh[i].forward(pyramid[i]);
      pyramid[i].close();
      loc.add(bboxHead[i].forward(f));
      conf.add(classHead[i].forward(f));
      landms.add(landmarkHead[i].forward(f));
      f.close();
    }
    NDArray logits = NDArrays.concat(conf, 1);
    NDArray scores = logits.softmax(-1);
    logits.close();
    RetinaFaceOutput out =
        new RetinaFaceOutput(NDArrays.concat(loc, 1), scores, NDArrays.concat(landms, 1));
    loc.close();
    conf.close();
    landms.close();
    return out;
  }

  /** LeakyReLU slope of the FPN and SSH: 0.1 for widths up to 64 (MobileNet), else 0, a plain ReLU. */
  static float leakySlope(long width) {
    return width <= 64 ? 0.1f : 0f;
  }

  private static Kind detectKind(StateDict dict) {
    if (dict.contains("body.stage1.0.0.weight")) {
      return Kind.MOBILENET_0_25;
    }
    if (dict.contains("body.conv1.weight")) {
      return Kind.RESNET_50;
    }
    throw new WeightsException(dict.source() + ": not a RetinaFace checkpoint (neither 'body.stage1.0.0.weight'"
        + " (MobileNet-0.25) nor 'body.conv1.weight' (ResNet-50) is present; first key: "
        + dict.keys().stream().findFirst().map(k -> "'" + k + "'").orElse("none") + ")");
  }

  private static StateDict stripDataParallel(StateDict dict) {
    boolean all = !dict.keys().isEmpty() && dict.keys().stream().allMatch(k -> k.startsWith(DATA_PARALLEL_PREFIX));
    return all ? dict.sub(DATA_PARALLEL_PREFIX) : dict;
  }
}
