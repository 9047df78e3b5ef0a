package io.restorevideo.face.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OneEuroFilterTest {
  @Test
  void firstSamplePassesAndAConstantStaysConstant() {
    OneEuroFilter f = new OneEuroFilter(1.0, 0.5, 1.0);
    assertEquals(7.25, f.filter(7.25, 0.0));
    for (int i = 1; i < 20; i++) {
      assertEquals(7.25, f.filter(7.25, i / 30.0), 1e-12);
    }
  }

  @Test
  void stepResponseIsTheLowPassOfTheCutoff() {
    // beta 0: a plain exponential low-pass; cutoff 1 Hz at dt 0.1 s gives alpha = 1 / (1 + 1/(2 pi 0.1))
    OneEuroFilter f = new OneEuroFilter(1.0, 0.0, 1.0);
    f.filter(0.0, 0.0);
    assertEquals(0.3858695, f.filter(1.0, 0.1), 1e-6);
    // the next step: 1 - (1 - alpha)^2
    assertEquals(0.6228438, f.filter(1.0, 0.2), 1e-6);
  }

  @Test
  void speedOpensTheFilter() {
    OneEuroFilter slow = new OneEuroFilter(1.0, 0.0, 1.0);
    OneEuroFilter adaptive = new OneEuroFilter(1.0, 1.0, 1.0);
    double a = 0;
    double b = 0;
    for (int i = 0; i <= 10; i++) {
      a = slow.filter(10.0 * i, i / 30.0);
      b = adaptive.filter(10.0 * i, i / 30.0);
    }
    assertTrue(100 - b < 0.5 * (100 - a), "lag with beta " + (100 - b) + " vs without " + (100 - a));
  }

  @Test
  void knownMotionIsFollowedWithoutLag() {
    OneEuroFilter compensated = new OneEuroFilter(0.3, 0.0, 1.0);
    OneEuroFilter plain = new OneEuroFilter(0.3, 0.0, 1.0);
    double dt = 1 / 30.0;
    double v = 3.0;
    double c = 0;
    double p = 0;
    for (int i = 0; i <= 30; i++) {
      c = compensated.filter(v * i, i * dt, 1.0, i == 0 ? 0 : v);
      p = plain.filter(v * i, i * dt);
    }
    assertEquals(90.0, c, 1e-9);
    assertTrue(90.0 - p > 10, "the plain filter lags: " + p);
  }

  @Test
  void repeatedTimestampReusesTheLastStep() {
    OneEuroFilter f = new OneEuroFilter(1.0, 0.0, 1.0);
    OneEuroFilter g = new OneEuroFilter(1.0, 0.0, 1.0);
    f.filter(0.0, 0.0);
    g.filter(0.0, 0.0);
    f.filter(1.0, 0.1);
    g.filter(1.0, 0.1);
    double repeated = f.filter(2.0, 0.1);
    double advanced = g.filter(2.0, 0.2);
    assertEquals(advanced, repeated, 1e-12);
  }

  @Test
  void rejectsNonsenseParameters() {
    assertThrows(IllegalArgumentException.class, () -> new OneEuroFilter(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new OneEuroFilter(1, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new OneEuroFilter(1, 0, Double.NaN));
  }
}
