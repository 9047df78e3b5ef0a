package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ThreadBudgetTest {
  @Test
  void twoCoresGiveOneThreadToEachPool() {
    assertEquals(new ThreadBudget(2, 1, 1, 1, 1), ThreadBudget.of(2));
    assertEquals(new ThreadBudget(1, 1, 1, 1, 1), ThreadBudget.of(1));
  }

  @Test
  void manyCoresKeepOneForTheCpuStagesAndShareOpenCvAmongThem() {
    assertEquals(new ThreadBudget(16, 15, 4, 4, 4), ThreadBudget.of(16));
    assertEquals(new ThreadBudget(6, 5, 1, 1, 1), ThreadBudget.of(6));
  }

  @Test
  void compositeWorkersStopAtFour() {
    assertEquals(4, ThreadBudget.of(64).compositeWorkers());
    assertEquals(2, ThreadBudget.of(8).compositeWorkers());
  }

  @Test
  void convertWorkersAreAQuarterOfTheCoresUpToFourUnlessSet() {
    assertEquals(4, ThreadBudget.of(64).convertWorkers());
    assertEquals(2, ThreadBudget.of(8).convertWorkers());
    assertEquals(1, ThreadBudget.of(2).convertWorkers());
    System.setProperty(ThreadBudget.CONVERT_WORKERS, "3");
    try {
      assertEquals(3, ThreadBudget.of(2).convertWorkers());
      assertEquals(1, ThreadBudget.of(2).compositeWorkers());
      System.setProperty(ThreadBudget.CONVERT_WORKERS, "0");
      assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of(2));
    } finally {
      System.clearProperty(ThreadBudget.CONVERT_WORKERS);
    }
  }

  @Test
  void noCoresIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> ThreadBudget.of(0));
  }
}
