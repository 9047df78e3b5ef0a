package io.restorevideo.bench;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.Landmarks5;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A detector that knows where the face is and reports it with the frame-to-frame noise of a real one:
 * independent Gaussian noise of {@code sigma} inter-ocular distances on every landmark coordinate. It lets
 * the tracker be measured against the truth without detector weights; the box is {@link #around}.
 */
final class NoisyOracleDetector implements FaceDetector {
  private final double sigma;
  private final Random random;
  private float[] truth;
  private long calls;

  NoisyOracleDetector(double sigma, long seed) {
    this.sigma = sigma;
    this.random = new Random(seed);
  }

  /** The true landmarks of the frame the next {@link #detect} call will see. */
  void truth(float[] landmarks) {
    this.truth = landmarks.clone();
  }

  long calls() {
    return calls;
  }

  @Override
  public List<DetectedFace> detect(Mat bgr) {
    calls++;
    Landmarks5 exact = new Landmarks5(truth);
    double iod = exact.eyeDistance();
    float[] noisy = truth.clone();
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] += (float) (random.nextGaussian() * sigma * iod);
    }
    return List.of(around(new Landmarks5(noisy)));
  }

  /** A confident detection whose box spans the landmarks as RetinaFace's does: 2.2 x 2.6 eye distances. */
  static DetectedFace around(Landmarks5 landmarks) {
    float cx = 0;
    float cy = 0;
    for (int i = 0; i < 5; i++) {
      cx += landmarks.x(i) / 5;
      cy += landmarks.y(i) / 5;
    }
    float hw = (float) (1.1 * landmarks.eyeDistance());
    float hh = (float) (1.3 * landmarks.eyeDistance());
    return new DetectedFace(cx - hw, cy - hh, cx + hw, cy + hh, 0.99f, landmarks);
  }
}
