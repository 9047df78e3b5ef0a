package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ThreadBudgetTest {
  @Test
  void twoCoresGiveOneThreadToEachPool() {
    assertEquals(new ThreadBudget(2, 1, 1, 1, 1, 1, 1), ThreadBudget.of(2));
    assertEquals(new ThreadBudget(1, 1, 1, 1, 1, 1, 1), ThreadBudget.of(1));
  }

  @Test
  void manyCoresKeepOneForTheCpuStagesAndShareOpenCvAmongThem() {
    assertEquals(new ThreadBudget(16, 15, 4, 4, 4, 4, 4), ThreadBudget.of(16));
    assertEquals(new ThreadBudget(6, 5, 1, 1, 1, 1, 1), ThreadBudget.of(6));
  }

  @Test
  void compositeWorkersStopAtFour() {
    assertEquals(4, ThreadBudget.of(64).compositeWorkers());
    assertEquals(2, ThreadBudget.of(8).compositeWorkers());
  }

  @Test
  void prepareAndAlignWorkersFollowTheCoresAndTheirOwnOverrides() {
    assertEquals(4, ThreadBudget.of(64).prepareWorkers());
    assertEquals(2, ThreadBudget.of(8).alignWorkers());
    overrideSetsOnlyItsOwnCount(ThreadBudget.PREPARE_WORKERS, ThreadBudget::prepareWorkers,
        ThreadBudget::alignWorkers);
  }

  @Test
  void convertWorkersFollowTheCoresAndTheirOwnOverride() {
    assertEquals(4, ThreadBudget.of(64).convertWorkers());
    assertEquals(2, ThreadBudget.of(8).convertWorkers());
    assertEquals(1, ThreadBudget.of(2).convertWorkers());
    overrideSetsOnlyItsOwnCount(ThreadBudget.CONVERT_WORKERS, ThreadBudget::convertWorkers,
        ThreadBudget::prepareWorkers);
  }

  /** On 2 cores, {@code -Dproperty=3} sets {@code count} to 3 and leaves {@code other} and the composite's at 1. */
  private static void overrideSetsOnlyItsOwnCount(String property, ToIntFunction<ThreadBudget> count,
      ToIntFunction<ThreadBudget> other) {
    System.setProperty(property, "3");
    try {
      ThreadBudget b = ThreadBudget.of(2);
      assertEquals(3, count.applyAsInt(b));
      assertEquals(1, other.applyAsInt(b));
      assertEquals(1, b.compositeWorkers());
      System.setProperty(property, "0");
      assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of(2));
    } finally {
      System.clearProperty(property);
    }
  }

  @Test
  void noCoresIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of(0));
  }
}
