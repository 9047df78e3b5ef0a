package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Rectangles are clipped to the frame, empty ones ignored, and anything past the bookkeeping's reach is whole. */
class ChangedRegionsTest {
  @Test
  void clipsIgnoresEmptyAndBecomesWhole() {
    ChangedRegions c = new ChangedRegions();
    assertTrue(c.none());
    c.add(-10, 90, 30, 40, 100, 100);
    c.add(200, 5, 10, 10, 100, 100);
    c.add(5, 5, 0, 10, 100, 100);
    assertEquals(1, c.count());
    assertEquals(0, c.x(0));
    assertEquals(90, c.y(0));
    assertEquals(20, c.width(0));
    assertEquals(10, c.height(0));
    for (int i = 0; i < 200; i++) {
      c.add(i % 90, 0, 5, 5, 100, 100);
    }
    assertTrue(c.whole(), "too many rectangles count as the whole frame");
    c.add(1, 1, 2, 2, 100, 100);
    assertTrue(c.whole() && c.count() == 0);
    c.clear();
    assertTrue(c.none());
    c.wholeFrame();
    assertFalse(c.none());
  }
}
