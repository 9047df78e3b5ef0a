package io.restorevideo.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The range value type: which frames are before, inside and after it, and its length over a video. */
class MediaRangeTest {
  @Test
  void startAndDurationBoundTheFramesByTime() {
    MediaRange r = MediaRange.ALL.from(1).lasting(2);
    assertTrue(r.before(0.9));
    assertFalse(r.before(0.99999), "a frame a rounding error before the start is inside");
    assertFalse(r.after(2.9, 19));
    assertTrue(r.after(3.0, 20), "the end is exclusive");
    assertEquals(2.0, r.secondsOf(4, 0.1), 1e-9);
    assertEquals(1.5, r.secondsOf(2.5, 0.1), 1e-9, "a video ending inside the range");
  }

  @Test
  void aFrameCountEndsTheRangeFirstWhenShorter() {
    MediaRange r = MediaRange.ALL.frames(10);
    assertFalse(r.after(100, 9));
    assertTrue(r.after(0.5, 10));
    assertEquals(1.0, r.secondsOf(4, 0.1), 1e-9);
    assertEquals(0, MediaRange.ALL.secondsOf(0, 0.04), "unknown length");
    assertTrue(MediaRange.ALL.isAll());
    assertFalse(r.isAll());
  }

  @Test
  void badValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> MediaRange.ALL.from(-1));
    assertThrows(IllegalArgumentException.class, () -> MediaRange.ALL.lasting(0));
    assertThrows(IllegalArgumentException.class, () -> MediaRange.ALL.frames(0));
  }
}
