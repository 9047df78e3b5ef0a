package io.restorevideo.face;

/**
 * One detection in image pixels: box corners, the detector's raw confidence, and 5 landmarks.
 * (The official helper divides the score by its resize scale; we keep the raw confidence.)
 */
public record DetectedFace(float x1, float y1, float x2, float y2, float score, Landmarks5 landmarks) {
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

  /**
   * This face in the pixels of an image {@code factor} times smaller: the helper detects on an enlarged copy
   * ({@code read_image} upsizes small inputs) and the user gets the file's own pixels.
   */
  public DetectedFace unscaled(double factor) {
    if (factor == 1.0) {
      return this;
    }
    float s = (float) factor;
    return new DetectedFace(x1 / s, y1 / s, x2 / s, y2 / s, score, landmarks.scaled(1 / factor));
  }
}
