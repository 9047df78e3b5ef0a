package io.restorevideo.pipeline;

import java.util.List;

/**
 * A stage whose frames do not depend on each other, run by several workers at once: the ring gives worker
 * {@code k} of {@code n} the frames whose sequence is {@code k} modulo {@code n}, and the next stage waits for
 * all of them, so frames still leave in order. Each worker is its own {@link FrameStage} instance (its own
 * working buffers); they share nothing that is not thread-safe.
 */
final class StageWorkers implements FrameStage {
  private final List<FrameStage> workers;
  /** The next worker when run on one thread, outside a ring. */
  private long next;

  StageWorkers(List<FrameStage> workers) {
    if (workers.isEmpty()) {
      throw new IllegalArgumentException("at least one worker");
    }
    this.workers = List.copyOf(workers);
  }

  List<FrameStage> workers() {
    return workers;
  }

  @Override
  public String name() {
    return workers.get(0).name();
  }

  @Override
  public boolean approximateColour() {
    return workers.get(0).approximateColour();
  }

  /** Run on one thread (outside a ring): frames go to the workers in turn, as the ring would hand them out. */
  @Override
  public void onFrame(FrameSlot slot) throws Exception {
    workers.get((int) (next++ % workers.size())).onFrame(slot);
  }

  @Override
  public void flush() throws Exception {
    for (FrameStage w : workers) {
      w.flush();
    }
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (FrameStage w : workers) {
      try {
        w.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
