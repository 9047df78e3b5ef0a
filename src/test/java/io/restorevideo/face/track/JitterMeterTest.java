package io.restorevideo.face.track;

import io.restorevideo.face.Landmarks5;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JitterMeterTest {
  /** The synthetic patch's face (eye distance 40) shifted by (dx, dy). */
  private static Landmarks5 face(double dx, double dy) {
    return SyntheticScene.landmarksAt(SyntheticScene.at(dx, dy));
  }

  @Test
  void constantVelocityHasNoJitter() {
    JitterMeter m = new JitterMeter();
    for (int i = 0; i < 10; i++) {
      m.add(i, 0, face(2.5 * i, -1.0 * i));
    }
    assertEquals(0.0, m.jitter(), 1e-6);
    assertEquals(8 * 5, m.samples());
  }

  @Test
  void alternatingOffsetGivesFourTimesItOverTheEyeDistance() {
    JitterMeter m = new JitterMeter();
    // +e, -e, +e: second difference e - 2(-e) + e = 4e for every landmark
    for (int i = 0; i < 6; i++) {
      m.add(i, 3, face(i % 2 == 0 ? 0.5 : -0.5, 0));
    }
    assertEquals(4 * 0.5 / 40, m.jitter(), 1e-6);
  }

  @Test
  void tracksAreSeparateAndGapsRestart() {
    JitterMeter m = new JitterMeter();
    // track 1 is still; track 2 jumps by 4 px on frame 2; frames 0, 1, 3, 4 of track 3 never make 3 in a row
    for (int i = 0; i < 3; i++) {
      m.add(i, 1, face(0, 0));
      m.add(i, 2, face(i == 2 ? 4 : 0, 0));
    }
    for (int i : new int[] {0, 1, 3, 4}) {
      m.add(i, 3, face(10 * i, 0));
    }
    assertEquals(10, m.samples());
    assertEquals((0 + 4.0 / 40) / 2, m.jitter(), 1e-6);
  }
}
