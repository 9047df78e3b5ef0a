package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThreadBudgetTest {
  @Test
  void twoCoresGiveOneThreadToEachPool() {
    assertEquals(new ThreadBudget(2, 1, 1, 1, 1, 1), ThreadBudget.of(2));
    assertEquals(new ThreadBudget(1, 1, 1, 1, 1, 1), ThreadBudget.of(1));
  }

  @Test
  void manyCoresKeepOneForTheCpuStagesAndShareOpenCvAmongThem() {
    assertEquals(new ThreadBudget(16, 15, 4, 4, 4, 4), ThreadBudget.of(16));
    assertEquals(new ThreadBudget(6, 5, 1, 1, 1, 1), ThreadBudget.of(6));
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
    System.setProperty(ThreadBudget.PREPARE_WORKERS, "3");
    try {
      ThreadBudget b = ThreadBudget.of(2);
      assertEquals(3, b.prepareWorkers());
      assertEquals(1, b.alignWorkers());
      assertEquals(1, b.compositeWorkers());
      System.setProperty(ThreadBudget.PREPARE_WORKERS, "0");
      assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of(2));
    } finally {
      System.clearProperty(ThreadBudget.PREPARE_WORKERS);
    }
  }

  @Test
  void noCoresIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of(0));
  }
}
