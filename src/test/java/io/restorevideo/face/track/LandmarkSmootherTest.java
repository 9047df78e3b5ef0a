package io.restorevideo.face.track;

import io.restorevideo.face.Landmarks5;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LandmarkSmootherTest {
  private static final Landmarks5 FACE = new Landmarks5(new float[] {30, 45, 70, 45, 50, 70, 35, 92, 65, 92});

  @Test
  void strengthZeroIsAnExactPassthrough() {
    LandmarkSmoother s = new LandmarkSmoother(0);
    Random rnd = new Random(1);
    for (int i = 0; i < 10; i++) {
      Landmarks5 in = SyntheticScene.noisy(FACE, 3, rnd);
      assertSame(in, s.smooth(in, i / 30.0));
    }
  }

  @Test
  void strongerSmoothingMeansALowerCutoff() {
    assertEquals(LandmarkSmoother.STRONGEST_CUTOFF_HZ, LandmarkSmoother.minCutoffHz(1.0), 1e-12);
    double previous = Double.POSITIVE_INFINITY;
    for (double s = 0.1; s <= 1.0; s += 0.1) {
      double c = LandmarkSmoother.minCutoffHz(s);
      assertTrue(c < previous, "cutoff at " + s);
      previous = c;
    }
  }

  @Test
  void smoothingReducesNoiseOnAStillFace() {
    LandmarkSmoother s = new LandmarkSmoother(0.5);
    Random rnd = new Random(2);
    double rawErr = 0;
    double smoothErr = 0;
    for (int i = 0; i < 60; i++) {
      Landmarks5 in = SyntheticScene.noisy(FACE, 1.0, rnd);
      Landmarks5 out = s.smooth(in, i / 30.0);
      if (i >= 30) {
        rawErr += Math.abs(in.x(2) - FACE.x(2));
        smoothErr += Math.abs(out.x(2) - FACE.x(2));
      }
    }
    assertTrue(smoothErr < 0.6 * rawErr, "smoothed error " + smoothErr + " vs raw " + rawErr);
  }

  @Test
  void resetStartsOver() {
    LandmarkSmoother s = new LandmarkSmoother(0.9);
    s.smooth(FACE, 0);
    Landmarks5 moved = FACE.scaled(1.5);
    assertNotEquals(moved, s.smooth(moved, 1 / 30.0));
    s.reset();
    assertEquals(moved, s.smooth(moved, 2 / 30.0));
  }

  @Test
  void rejectsStrengthOutsideZeroToOne() {
    assertThrows(IllegalArgumentException.class, () -> new LandmarkSmoother(1.5));
    assertThrows(IllegalArgumentException.class, () -> new LandmarkSmoother(-0.1));
  }
}
