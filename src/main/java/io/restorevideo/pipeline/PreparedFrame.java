package io.restorevideo.pipeline;

import io.restorevideo.face.track.TrackerFrame;
import io.restorevideo.restore.PreparedImage;

/**
 * What the prepare stage hands the track stage on one slot: the frame as the still-image path prepares it and
 * the tracker's input made from it. Owns both until the track stage takes them.
 */
record PreparedFrame(PreparedImage image, TrackerFrame tracker) implements AutoCloseable {
  static final String KEY = "prepared";

  @Override
  public void close() {
    tracker.close();
    image.close();
  }
}
