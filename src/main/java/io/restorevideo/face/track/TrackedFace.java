package io.restorevideo.face.track;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;

/**
 * One face on one frame, as the tracker reports it.
 *
 * @param trackId stable id of the face's track (new ids after a scene cut)
 * @param landmarks smoothed landmarks: the ones to align with
 * @param rawLandmarks the landmarks before smoothing (detector's on keyframes, optical flow's in between)
 * @param box the face box (detector's on keyframes, carried by the flow in between)
 * @param score the confidence of the track's latest detection
 * @param detected whether the detector found this face on this very frame (false: carried forward)
 */
public record TrackedFace(
    int trackId, Landmarks5 landmarks, Landmarks5 rawLandmarks, TrackBox box, float score, boolean detected) {
  /**
   * This face as a detection with the smoothed landmarks, for code written for still images. With smoothing 0
   * on a frame where the face was detected it equals the detector's own {@link DetectedFace}.
   */
  public DetectedFace asDetection() {
    return new DetectedFace(box.x1(), box.y1(), box.x2(), box.y2(), score, landmarks);
  }
}
