package io.restorevideo.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Track ids for the boxes of successive frames: a box continues the track of the previous frame's box it
 * overlaps most (IoU at least {@value #MIN_IOU}); otherwise it starts a track.
 */
final class RegionTracks {
  static final double MIN_IOU = 0.3;

  private List<FaceRegion> previous = List.of();
  private int nextTrack;

  /** {@code boxes} in the same order, each with its track id. */
  List<FaceRegion> assign(List<FaceRegion> boxes) {
    List<FaceRegion> out = new ArrayList<>(boxes.size());
    List<FaceRegion> unmatched = new ArrayList<>(previous);
    for (FaceRegion b : boxes) {
      FaceRegion best = null;
      double bestIou = MIN_IOU;
      for (FaceRegion p : unmatched) {
        double iou = b.iou(p);
        if (iou >= bestIou) {
          best = p;
          bestIou = iou;
        }
      }
      if (best != null) {
        unmatched.remove(best);
        out.add(b.withTrack(best.track()));
      } else {
        out.add(b.withTrack(nextTrack++));
      }
    }
    previous = out;
    return out;
  }
}
