package io.restorevideo.face.track;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.detect.FaceDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A stand-in detector for tracking tests: it ignores the pixels and returns the faces that the test's
 * script says are on the current frame (set by the test before each frame), with Gaussian noise of a given
 * standard deviation on the landmarks and box. It records on which frames it was called and what it
 * returned.
 */
public final class ScriptedDetector implements FaceDetector {
  /** A face as the script places it: true landmarks and box, and the score to report. */
  record Truth(Landmarks5 landmarks, TrackBox box, float score) {}

  private final IntFunction<List<Truth>> script;
  private final double sigma;
  private final Random rnd;
  private int frame;
  final List<Integer> calledOn = new ArrayList<>();
  List<DetectedFace> lastResult = List.of();

  ScriptedDetector(IntFunction<List<Truth>> script, double sigma, long seed) {
    this.script = script;
    this.sigma = sigma;
    this.rnd = new Random(seed);
  }

  void setFrame(int frame) {
    this.frame = frame;
  }

  @Override
  public List<DetectedFace> detect(Mat bgr) {
    calledOn.add(frame);
    List<DetectedFace> out = new ArrayList<>();
    for (Truth t : script.apply(frame)) {
      Landmarks5 lm = SyntheticScene.noisy(t.landmarks(), sigma, rnd);
      TrackBox b = t.box();
      float n = (float) sigma;
      out.add(new DetectedFace(
          b.x1() + n * (float) rnd.nextGaussian(),
          b.y1() + n * (float) rnd.nextGaussian(),
          b.x2() + n * (float) rnd.nextGaussian(),
          b.y2() + n * (float) rnd.nextGaussian(),
          t.score(),
          lm));
    }
    lastResult = List.copyOf(out);
    return out;
  }
}
