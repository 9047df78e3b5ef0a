package io.restorevideo.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * Runs one {@link FrameStage} as a Disruptor handler: {@code onFrame} per slot, {@code flush} at the end of
 * each batch, because the processor releases the whole batch to the next handler right after that call.
 * After any failure in the job it only lets slots pass, so the ring drains and nothing waits forever.
 */
final class StageHandler implements EventHandler<FrameSlot> {
  private final FrameStage stage;
  private final JobState state;
  private final StageTiming timing;
  private final int worker;
  private final int workers;

  StageHandler(FrameStage stage, JobState state, StageTiming timing) {
    this(stage, state, timing, 0, 1);
  }

  /** Worker {@code worker} of {@code workers}: handles the frames whose sequence is its number modulo the count. */
  StageHandler(FrameStage stage, JobState state, StageTiming timing, int worker, int workers) {
    this.stage = stage;
    this.state = state;
    this.timing = timing;
    this.worker = worker;
    this.workers = workers;
  }

  @Override
  public void onEvent(FrameSlot slot, long sequence, boolean endOfBatch) {
    if (state.failed()) {
      return;
    }
    boolean mine = !slot.endOfStream && sequence % workers == worker;
    if (!mine && !endOfBatch && !slot.endOfStream) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      if (mine) {
        stage.onFrame(slot);
      }
      if (endOfBatch || slot.endOfStream) {
        stage.flush();
      }
    } catch (Throwable t) {
      state.fail(new StageFailure(stage.name(), t));
    } finally {
      timing.add(System.nanoTime() - t0, mine ? 1 : 0);
    }
  }

  @Override
  public void onShutdown() {
    try {
      stage.close();
    } catch (Throwable t) {
      state.fail(new StageFailure(stage.name(), t));
    }
  }
}
