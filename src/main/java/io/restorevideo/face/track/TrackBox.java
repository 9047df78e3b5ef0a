package io.restorevideo.face.track;

import io.restorevideo.face.DetectedFace;

/** An axis-aligned face box in image pixels (corners), as carried by a track. */
public record TrackBox(float x1, float y1, float x2, float y2) {
  public static TrackBox of(DetectedFace face) {
    return new TrackBox(face.x1(), face.y1(), face.x2(), face.y2());
  }

  public float width() {
    return x2 - x1;
  }

  public float height() {
    return y2 - y1;
  }

  public float centerX() {
    return (x1 + x2) / 2f;
  }

  public float centerY() {
    return (y1 + y2) / 2f;
  }

  /** Intersection over union; 0 for disjoint or empty boxes. */
  public double iou(TrackBox o) {
    double iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
    double ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    double inter = iw * ih;
    double union = (double) width() * height() + (double) o.width() * o.height() - inter;
    return union > 0 ? inter / union : 0;
  }

  /** This box moved by (dx, dy) and scaled by {@code scale} about its moved centre. */
  public TrackBox moved(double dx, double dy, double scale) {
    double cx = centerX() + dx;
    double cy = centerY() + dy;
    double hw = width() * scale / 2;
    double hh = height() * scale / 2;
    return new TrackBox((float) (cx - hw), (float) (cy - hh), (float) (cx + hw), (float) (cy + hh));
  }
}
