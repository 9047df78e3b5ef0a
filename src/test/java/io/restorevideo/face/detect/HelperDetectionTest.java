package io.restorevideo.face.detect;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The helper's detection flow around a scripted raw detector. */
class HelperDetectionTest {
  private static DetectedFace at(float cx, float cy, float eye) {
    float[] lm = {cx - eye / 2, cy, cx + eye / 2, cy, cx, cy + eye / 2, cx - eye / 3, cy + eye, cx + eye / 3,
        cy + eye};
    return new DetectedFace(cx - eye, cy - eye, cx + eye, cy + eye, 0.95f, new Landmarks5(lm));
  }

  @Test
  void detectsOnTheResizedCopyAndMapsBack() {
    List<int[]> seen = new ArrayList<>();
    // in the 1137x640 copy of a 960x540 image: a face near the centre, one off-centre, one too small
    FaceDetector raw = img -> {
      seen.add(new int[] {img.cols(), img.rows()});
      return List.of(at(200, 150, 60), at(570, 330, 40), at(900, 500, 6));
    };
    try (Mat img = new Mat(540, 960, CV_8UC3)) {
      List<DetectedFace> all = HelperDetection.official(raw, false).detect(img);
      assertEquals(1137, seen.get(0)[0]);
      assertEquals(640, seen.get(0)[1]);
      // the small face: the helper's distance is x_right_eye - x_nose = 3 px in the copy, 2.5 px here
      assertEquals(2, all.size());
      float s = (float) (640.0 / 540);
      assertEquals(200f / s, all.get(0).centerX(), 1e-3);
      assertEquals(0.95f, all.get(0).score(), "raw confidence");
      List<DetectedFace> center = HelperDetection.official(raw, true).detect(img);
      assertEquals(1, center.size());
      assertEquals(570f / s, center.get(0).centerX(), 1e-3);
    }
  }
}
