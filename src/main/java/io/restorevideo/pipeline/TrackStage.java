package io.restorevideo.pipeline;

import io.restorevideo.restore.PreparedImage;
import io.restorevideo.face.track.FaceTracker;
import io.restorevideo.face.track.TrackedFace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The track stage: runs the {@link FaceTracker} on each frame the {@link PrepareStage} prepared (detector on
 * keyframes, optical flow and smoothing in between), decides gray per track, and attaches a {@link FaceFrame}.
 * It sees the frames in order on one thread; what could be done per frame was done before it.
 *
 * <p>Gray is decided per track, on the track's first frame, and kept for its life: a per-frame decision
 * flips on faded or tinted footage and the restored face then flickers between colour and gray. Only the
 * parity mode (detect every frame, no smoothing) decides per frame, as the official script does.
 */
final class TrackStage implements FrameStage {
  private final FaceTracker tracker;
  private final FaceStats stats;
  private Map<Integer, Boolean> trackGray = new HashMap<>();

  TrackStage(FaceTracker tracker, FaceStats stats) {
    this.tracker = tracker;
    this.stats = stats;
  }

  @Override
  public String name() {
    return "track";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    PreparedFrame prepared = slot.attachment(PreparedFrame.KEY, PreparedFrame.class);
    slot.attach(PreparedFrame.KEY, null);
    PreparedImage image = prepared.image();
    try {
      List<TrackedFace> found = tracker.track(prepared.tracker(), image.input(), slot.seconds(), slot.index());
      boolean parity = tracker.options().parity();
      Map<Integer, Boolean> live = new HashMap<>();
      List<Boolean> gray = new ArrayList<>(found.size());
      for (TrackedFace f : found) {
        Boolean kept = parity ? null : trackGray.get(f.trackId());
        boolean g = kept != null ? kept : image.gray();
        live.put(f.trackId(), g);
        gray.add(g);
      }
      trackGray = live;
      stats.smoothed.addSmoothed(slot.index(), found);
      stats.unsmoothed.addRaw(slot.index(), found);
      stats.keyframes = tracker.keyframes();
      stats.tracks = tracker.tracksStarted();
      slot.attach(FaceFrame.KEY, new FaceFrame(image, found, gray, tracker.lastFrameWasKeyframe()));
    } catch (RuntimeException e) {
      prepared.close();
      throw e;
    }
  }

  @Override
  public void close() {
    tracker.close();
  }
}
