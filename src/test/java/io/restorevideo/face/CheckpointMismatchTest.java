package io.restorevideo.face;

import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.face.paste.FaceParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.TensorData;
import io.restorevideo.weights.WeightsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong weights file is one clear error naming the file and the first missing or unexpected key. */
class CheckpointMismatchTest {
  private static final String RETINA = "/golden/retinaface-mobile0.25/weights.pth";
  private static final String PARSE = "/golden/parsenet-tiny/weights.pth";

  @TempDir Path tmp;

  @Test
  void parseNetWeightsAreNotADetector() {
    StateDict parse = GoldenCheckpoints.read(PARSE, tmp);
    WeightsException e = assertThrows(WeightsException.class, () -> RetinaFaceDetector.load(parse));
    assertTrue(e.getMessage().startsWith(parse.source() + ": not a RetinaFace checkpoint"), e.getMessage());
    assertTrue(e.getMessage().contains("'encoder.0.conv2d.weight'"), e.getMessage());
  }

  @Test
  void detectorWeightsAreNotAParser() {
    StateDict retina = GoldenCheckpoints.read(RETINA, tmp);
    WeightsException e = assertThrows(WeightsException.class, () -> FaceParser.load(retina));
    assertEquals(retina.source() + ": missing key 'encoder.0.conv2d.weight'", e.getMessage());
  }

  @Test
  void aMissingKeyIsNamed() {
    StateDict retina = GoldenCheckpoints.read(RETINA, tmp);
    Map<String, TensorData> t = new LinkedHashMap<>(retina.asMap());
    t.remove("ssh2.conv7X7_2.1.running_var");
    WeightsException e = assertThrows(WeightsException.class,
        () -> RetinaFaceDetector.load(new StateDict(retina.source(), t)));
    assertEquals(retina.source() + ": missing key 'ssh2.conv7X7_2.1.running_var'", e.getMessage());
  }

  @Test
  void anUnexpectedKeyIsNamed() {
    StateDict parse = GoldenCheckpoints.read(PARSE, tmp);
    Map<String, TensorData> t = new LinkedHashMap<>(parse.asMap());
    t.put("body.0.extra.weight", parse.get("encoder.0.conv2d.bias"));
    WeightsException e = assertThrows(WeightsException.class,
        () -> FaceParser.load(new StateDict(parse.source(), t)));
    assertEquals(parse.source() + ": unexpected key 'body.0.extra.weight' (not part of this network)", e.getMessage());
  }
}
