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

  StageHandler(FrameStage stage, JobState state, StageTiming timing) {
    this.stage = stage;
    this.state = state;
    this.timing = timing;
  }

  @Override
  public void onEvent(FrameSlot slot, long sequence, boolean endOfBatch) {
    if (state.failed()) {
      return;
    }
    long t0 = System.nanoTime();
    try {
      if (!slot.endOfStream) {
        stage.onFrame(slot);
      }
      if (endOfBatch || slot.endOfStream) {
        stage.flush();
      }
    } catch (Throwable t) {
      state.fail(new StageFailure(stage.name(), t));
    } finally {
      timing.add(System.nanoTime() - t0, slot.endOfStream ? 0 : 1);
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
