package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import io.restorevideo.nn.BatchNorm2d;
import io.restorevideo.nn.Conv;
import io.restorevideo.nn.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * The torchvision ResNet-50 backbone of {@code detection_Resnet50_Final.pth} ({@code body.conv1},
 * {@code body.bn1}, {@code body.layer1..4}); RetinaFace takes layer2, layer3 and layer4. The number of
 * blocks per layer is read from the checkpoint (3, 4, 6, 3 in the official file); the first block of
 * layers 2-4 has stride 2.
 */
final class ResNet50 implements Backbone {
  private static final int LAYERS = 4;

  private final Conv conv1;
  private final BatchNorm2d bn1;
  private final List<List<Bottleneck>> layers = new ArrayList<>();

  ResNet50(Params body) {
    conv1 = Conv.load(body, "conv1", 2, 3);
    bn1 = BatchNorm2d.load(body, "bn1");
    for (int l = 1; l <= LAYERS; l++) {
      List<Bottleneck> blocks = new ArrayList<>();
      for (int b = 0; body.has("layer" + l + "." + b + ".conv1.weight"); b++) {
        blocks.add(new Bottleneck(body.sub("layer" + l + "." + b), b == 0 && l > 1 ? 2 : 1));
      }
      if (blocks.isEmpty()) {
        // asking for the first key names the missing one in the error
        body.tensor("layer" + l + ".0.conv1.weight");
      }
      layers.add(blocks);
    }
  }

  @Override
  public NDArray[] forward(NDArray x) {
    NDArray c = conv1.forward(x);
    NDArray n = bn1.forward(c);
    c.close();
    NDArray r = Activation.relu(n);
    n.close();
    NDArray h = Pool.maxPool2d(r, new Shape(3, 3), new Shape(2, 2), new Shape(1, 1), false);
    r.close();
    NDArray[] out = new NDArray[LAYERS - 1];
    for (int l = 0; l < LAYERS; l++) {
      for (Bottleneck block : layers.get(l)) {
        NDArray next = block.forward(h);
        if (l < 2 || h != out[l - 2]) {
          h.close();
        }
        h = next;
      }
      if (l >= 1) {
        out[l - 1] = h;
      }
    }
    return out;
  }
}
