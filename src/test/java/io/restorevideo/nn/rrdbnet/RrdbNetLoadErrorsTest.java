package io.restorevideo.nn.rrdbnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.DType;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.TensorData;
import io.restorevideo.weights.WeightsException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A checkpoint that is not an RRDBNet fails in one line naming the file and the first wrong key. */
class RrdbNetLoadErrorsTest {
  private static Map<String, TensorData> tiny() {
    return new LinkedHashMap<>(CheckpointReader.read(TinyRrdb.resource("weights_x2.pth")).asMap());
  }

  private static String error(Map<String, TensorData> tensors) {
    try (NDManager m = NDManager.newBaseManager()) {
      return assertThrows(WeightsException.class, () -> RrdbNet.load(new StateDict("net.pth", tensors), m))
          .getMessage();
    }
  }

  private static TensorData zeros(long... shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return new TensorData(DType.FLOAT32, shape, ByteBuffer.allocate(Math.toIntExact(n * 4)));
  }

  @Test
  void missingKeyIsNamed() {
    Map<String, TensorData> t = tiny();
    t.remove("body.1.rdb2.conv3.bias");
    assertEquals("net.pth: missing key 'body.1.rdb2.conv3.bias'", error(t));
  }

  @Test
  void unexpectedKeyIsNamed() {
    Map<String, TensorData> t = tiny();
    t.put("conv_extra.weight", zeros(16, 16, 3, 3));
    assertEquals("net.pth: unexpected key 'conv_extra.weight' (not part of this network)", error(t));
  }

  @Test
  void wrongWidthIsNamed() {
    Map<String, TensorData> t = tiny();
    t.put("body.0.rdb3.conv4.weight", zeros(8, 30, 3, 3));
    assertEquals("net.pth: shape mismatch for 'body.0.rdb3.conv4.weight': checkpoint has [8, 30, 3, 3],"
        + " RRDBNet expects [8, 40, 3, 3]", error(t));
  }

  @Test
  void unknownInputChannelsAreNamed() {
    Map<String, TensorData> t = tiny();
    t.put("conv_first.weight", zeros(16, 5, 3, 3));
    assertEquals("net.pth: 'conv_first.weight' has 5 input channels; RRDBNet takes 3 (x4), 12 (x2) or 48 (x1)",
        error(t));
  }

  @Test
  void anotherNetworkIsRefused() {
    Map<String, TensorData> other = new LinkedHashMap<>();
    other.put("encoder.conv_in.weight", zeros(8, 3, 3, 3));
    assertEquals("net.pth: missing key 'conv_first.weight'", error(other));
  }
}
