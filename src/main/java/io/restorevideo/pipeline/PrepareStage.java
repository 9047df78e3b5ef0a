package io.restorevideo.pipeline;

import io.restorevideo.face.track.TrackerFrame;
import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.restore.PreparedImage;

/**
 * The prepare stage: the per-frame work before tracking that does not depend on any other frame, so that it
 * can run as several {@link StageWorkers} ahead of the one sequential tracker: the decoded frame's conversion
 * to BGR, {@link FrameFaceRestorer#prepare} (upsizing of small frames, as the still-image path) and the
 * tracker's gray frame and scene-cut thumbnail ({@link TrackerFrame}); in the parity mode also the per-frame
 * gray test. Attaches a {@link PreparedFrame}, warm-up frames included (they feed the tracker). Each worker
 * reads and writes only its own slots.
 */
final class PrepareStage implements FrameStage {
  private final FrameFaceRestorer faces;
  private final boolean exact;

  /** @param exact the parity mode: the still-image path's precise colour conversion and a gray test per frame */
  PrepareStage(FrameFaceRestorer faces, boolean exact) {
    this.faces = faces;
    this.exact = exact;
  }

  @Override
  public String name() {
    return "prepare";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    PreparedImage image = faces.prepare(slot.bgrToRead());
    try {
      if (exact) {
        // the parity mode decides gray on every frame, as the official script does: on this thread, not the
        // tracker's (elsewhere it is decided on a track's first frame only, which only the tracker knows)
        image.gray();
      }
      slot.attach(PreparedFrame.KEY, new PreparedFrame(image, TrackerFrame.of(image.input())));
    } catch (RuntimeException e) {
      image.close();
      throw e;
    }
  }

  /** Outside the parity mode the frames need not equal the still-image path's, so the fast conversion does. */
  @Override
  public boolean approximateColour() {
    return !exact;
  }
}
