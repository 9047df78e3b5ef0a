package io.restorevideo.pipeline;

/**
 * A test stage that takes the pixels for writing and declares no rectangle: its frames must then count as
 * changed whole and go down the whole-frame conversion.
 */
final class UndeclaredWriter implements FrameStage {
  @Override
  public String name() {
    return "undeclared";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    slot.bgr();
  }
}
