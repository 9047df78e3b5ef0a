package io.restorevideo.bench;

import io.restorevideo.face.AffineMatrix;

/**
 * A known, smooth camera motion over a still picture, for measuring the tracker against the truth: zoom,
 * roll and pan about the picture's centre, each a slow sine with its own period, all scaled by
 * {@code speed}. At speed 1 on a 512-pixel picture at 30 fps the pan peaks near 2 px per frame, the zoom
 * near 0.6 % and the roll near 0.3 degrees per frame: handheld footage; speed 3 is a quick camera move.
 */
public record CameraPath(int width, int height, double speed) {
  private static final double ZOOM = 0.12;
  private static final double ROLL_DEGREES = 4;
  private static final double PAN_X = 0.06;
  private static final double PAN_Y = 0.04;

  public CameraPath {
    if (width < 2 || height < 2 || !(speed > 0)) {
      throw new IllegalArgumentException("camera path needs a picture and a positive speed, got " + width + "x"
          + height + " at speed " + speed);
    }
  }

  /** The matrix mapping picture pixels to frame {@code t}'s pixels. */
  public AffineMatrix matrix(int t) {
    double phase = 2 * Math.PI * t * speed;
    double scale = 1 + ZOOM * Math.sin(phase / 120);
    double roll = Math.toRadians(ROLL_DEGREES * Math.sin(phase / 90));
    double tx = PAN_X * width * Math.sin(phase / 100);
    double ty = PAN_Y * height * Math.sin(phase / 70);
    double cx = width / 2.0;
    double cy = height / 2.0;
    double a = scale * Math.cos(roll);
    double b = scale * Math.sin(roll);
    // translate the centre to the origin, rotate and scale, move back and pan
    return AffineMatrix.of(a, -b, cx + tx - a * cx + b * cy, b, a, cy + ty - b * cx - a * cy);
  }

  /** Points {@code x0, y0, x1, y1, ...} of the picture, where frame {@code t} shows them. */
  public float[] apply(int t, float[] xy) {
    AffineMatrix m = matrix(t);
    float[] out = new float[xy.length];
    for (int i = 0; i + 1 < xy.length; i += 2) {
      out[i] = (float) m.applyX(xy[i], xy[i + 1]);
      out[i + 1] = (float) m.applyY(xy[i], xy[i + 1]);
    }
    return out;
  }
}
