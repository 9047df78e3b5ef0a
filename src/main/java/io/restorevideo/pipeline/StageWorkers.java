package io.restorevideo.pipeline;

import java.util.List;

/**
 * A stage whose frames do not depend on each other, run by several workers at once: the ring gives worker
 * {@code k} of {@code n} the frames whose sequence is {@code k} modulo {@code n}, and the next stage waits for
 * all of them, so frames still leave in order. Each worker is its own {@link FrameStage} instance (its own
 * working buffers); they share nothing that is not thread-safe. Only {@link FrameRing} runs stages, and it
 * runs each worker on a handler of its own (which also closes it), so the group itself handles no frame.
 */
final class StageWorkers implements FrameStage {
  private final List<FrameStage> workers;

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

  @Override
  public void onFrame(FrameSlot slot) {
    throw new IllegalStateException(name() + ": its workers take the frames, each on a ring handler of its own");
  }
}
