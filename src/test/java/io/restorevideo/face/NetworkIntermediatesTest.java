package io.restorevideo.face;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.nn.ReflectionPad;
import io.restorevideo.nn.parsenet.ParseNet;
import io.restorevideo.nn.retinaface.RetinaFace;
import io.restorevideo.nn.retinaface.RetinaFaceOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A forward pass leaves on the caller's manager its input and its outputs, nothing else. An intermediate left
 * there (a slice or transposed view, which shares its source's storage) keeps whole activations alive until
 * the caller's manager closes: ParseNet's reflection padding once held every 512x512 layer input of a call,
 * 2.4 GB per face where the official code needs 0.6 GB.
 */
class NetworkIntermediatesTest {
  @TempDir Path tmp;

  @Test
  void reflectionPaddingLeavesOnlyItsInputAndOutput() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray x = m.create(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, new Shape(1, 1, 3, 4));
      NDArray out = ReflectionPad.pad1(x);
      // row 1 mirrored above, row 1 below; then column 1 left, column 2 right (torch's ReflectionPad2d(1))
      float[] expected = {
        5, 4, 5, 6, 7, 6,
        1, 0, 1, 2, 3, 2,
        5, 4, 5, 6, 7, 6,
        9, 8, 9, 10, 11, 10,
        5, 4, 5, 6, 7, 6};
      assertEquals(new Shape(1, 1, 5, 6), out.getShape());
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, out.toFloatArray());
      assertOnly(m, x, out);
    }
  }

  @Test
  void parseNetLeavesOnlyItsInputAndOutput() {
    try (NDManager weights = NDManager.newBaseManager(Device.cpu())) {
      ParseNet net = ParseNet.load(GoldenCheckpoints.read("/golden/parsenet-tiny/weights.pth", tmp), weights);
      try (NDManager call = weights.newSubManager()) {
        NDArray x = call.randomUniform(-1, 1, new Shape(1, 3, 64, 64));
        NDArray y = net.forward(x);
        assertOnly(call, x, y);
      }
    }
  }

  @Test
  void retinaFaceLeavesOnlyItsInputAndOutputs() {
    try (NDManager weights = NDManager.newBaseManager(Device.cpu())) {
      RetinaFace net = RetinaFace.load(
          GoldenCheckpoints.read("/golden/retinaface-mobile0.25/weights.pth", tmp), weights);
      try (NDManager call = weights.newSubManager()) {
        NDArray x = call.randomUniform(-1, 1, new Shape(1, 3, 64, 96));
        RetinaFaceOutput y = net.forward(x);
        assertOnly(call, x, y.loc(), y.conf(), y.landms());
      }
    }
  }

  /** The manager holds exactly {@code arrays} (by identity): their shapes name what else was left. */
  private static void assertOnly(NDManager m, NDArray... arrays) {
    List<NDArray> left = m.getManagedArrays();
    List<NDArray> extra = left.stream()
        .filter(a -> java.util.Arrays.stream(arrays).noneMatch(e -> e == a))
        .collect(Collectors.toList());
    assertEquals(List.of(), extra.stream().map(a -> a.getShape().toString()).collect(Collectors.toList()),
        "arrays left on the manager besides the input and outputs");
    assertEquals(arrays.length, left.size(), "the input and outputs are still there");
  }
}
