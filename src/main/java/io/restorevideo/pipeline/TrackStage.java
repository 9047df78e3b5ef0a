package io.restorevideo.pipeline;

import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.restore.PreparedImage;
import io.restorevideo.face.track.FaceTracker;
import io.restorevideo.face.track.TrackedFace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The track stage: prepares each frame as the still-image path does (upsizing of small frames, gray test),
 * runs the {@link FaceTracker} on it (detector on keyframes, optical flow and smoothing in between) and
 * attaches a {@link FaceFrame}.
 *
 * <p>Gray is decided per track, on the track's first frame, and kept for its life: a per-frame decision
 * flips on faded or tinted footage and the restored face then flickers between colour and gray. Only the
 * parity mode (detect every frame, no smoothing) decides per frame, as the official script does.
 */
final class TrackStage implements FrameStage {
  private final FrameFaceRestorer faces;
  private final FaceTracker tracker;
  private final FaceStats stats;
  private Map<Integer, Boolean> trackGray = new HashMap<>();

  TrackStage(FrameFaceRestorer faces, FaceTracker tracker, FaceStats stats) {
    this.faces = faces;
    this.tracker = tracker;
    this.stats = stats;
  }

  @Override
  public String name() {
    return "track";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    PreparedImage image = faces.prepare(slot.bgrToRead());
    try {
      List<TrackedFace> found = tracker.track(image.input(), slot.seconds(), slot.index());
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
      image.close();
      throw e;
    }
  }

  /** Outside the parity mode the frames need not equal the still-image path's, so the fast conversion does. */
  @Override
  public boolean approximateColour() {
    return !tracker.options().parity();
  }

  @Override
  public void close() {
    tracker.close();
  }
}
