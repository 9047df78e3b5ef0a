package io.restorevideo.pipeline;

import io.restorevideo.restore.FrameFaceRestorer;

/**
 * The align stage: warps each tracked face of a frame into its 512x512 crop ({@link FrameFaceRestorer#align},
 * align_warp_face) for the restore stage. A frame's crops depend on that frame alone, so this runs as several
 * {@link StageWorkers} between the sequential tracker and the network. Warm-up frames (never written) and
 * frames without faces have nothing to align.
 */
final class AlignStage implements FrameStage {
  private final FrameFaceRestorer faces;

  AlignStage(FrameFaceRestorer faces) {
    this.faces = faces;
  }

  @Override
  public String name() {
    return "align";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    FaceFrame frame = slot.attachment(FaceFrame.KEY, FaceFrame.class);
    if (frame == null || frame.faces().isEmpty() || slot.warmup()) {
      return;
    }
    frame.aligned(faces.align(frame.image(), frame.detections()));
  }
}
