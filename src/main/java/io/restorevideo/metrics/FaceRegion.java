package io.restorevideo.metrics;

/** One face region on one frame: a box in pixels (x, y inclusive, width and height) and its track's id. */
public record FaceRegion(int track, int x, int y, int width, int height) {
  /** Intersection over union with another box. */
  double iou(FaceRegion o) {
    int ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
    int iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
    double inter = (double) ix * iy;
    double union = (double) width * height + (double) o.width * o.height - inter;
    return union <= 0 ? 0 : inter / union;
  }

  FaceRegion withTrack(int id) {
    return new FaceRegion(id, x, y, width, height);
  }
}
