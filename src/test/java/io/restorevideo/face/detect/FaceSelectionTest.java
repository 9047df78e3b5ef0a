package io.restorevideo.face.detect;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FaceSelectionTest {
  private static DetectedFace face(float x1, float y1, float x2, float y2, float... lm) {
    return new DetectedFace(x1, y1, x2, y2, 0.9f, new Landmarks5(lm));
  }

  @Test
  void eyeDistanceFilterUsesTheHelpersIndices() {
    // eyes 8 px apart, nose 4 px right of the left eye: the helper measures (y_le - y_re, x_re - x_nose) = (0, 4)
    DetectedFace small = face(0, 0, 20, 20, 100, 100, 108, 100, 104, 104, 101, 110, 107, 110);
    DetectedFace big = face(0, 0, 80, 80, 100, 100, 140, 100, 120, 120, 105, 140, 135, 140);
    assertEquals(8.0, small.landmarks().eyeDistance(), 1e-6);
    assertEquals(4f, FaceSelection.officialEyeDistance(small));
    assertEquals(List.of(big), FaceSelection.dropSmall(List.of(small, big), 5));
  }

  @Test
  void centerAndLargestFace() {
    float[] lm = new float[10];
    DetectedFace a = face(0, 0, 100, 100, lm); // large, far from the centre
    DetectedFace b = face(290, 170, 350, 190, lm); // centre (320, 180)
    DetectedFace c = face(-500, -500, 50, 50, lm); // largest box, mostly outside the image
    List<DetectedFace> faces = List.of(a, b, c);
    assertEquals(1, FaceSelection.centerFace(faces, 640, 360));
    // clamped to the image: a = 100*100, c = 50*50
    assertEquals(0, FaceSelection.largestFace(faces, 640, 360));
    assertEquals(-1, FaceSelection.centerFace(List.of(), 640, 360));
  }
}
