package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.align.AlignedFace;
import io.restorevideo.restore.RestoredFace;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TemporalFusion} on aligned crops made here: a face (the golden aligned crop) that stays still, with
 * and without input noise, a "restored" face that flickers like the tiny random network's, and a mouth that
 * changes in the input.
 */
class TemporalFusionTest {
  private static final AffineMatrix STILL = AffineMatrix.of(2, 0, -100, 0, 2, -80);

  @TempDir Path dir;

  private Mat face() {
    Path png = TinyModels.copy("/golden/codeformer-tiny/face_aligned.png", dir);
    Mat m = imread(png.toString(), IMREAD_COLOR);
    if (m.cols() != 512) {
      Mat r = new Mat();
      resize(m, r, new Size(512, 512));
      return r;
    }
    return m;
  }

  private static Mat noisy(Mat m, Random random, double sigma) {
    Mat out = m.clone();
    try (UByteIndexer idx = out.createIndexer()) {
      for (int y = 0; y < out.rows(); y++) {
        for (int x = 0; x < out.cols(); x++) {
          for (int c = 0; c < 3; c++) {
            int v = (int) Math.round(idx.get(y, x, c) + random.nextGaussian() * sigma);
            idx.put(y, x, c, Math.max(0, Math.min(255, v)));
          }
        }
      }
    }
    return out;
  }

  private static RestoredFace restored(Mat input, Mat output) {
    return new RestoredFace(null, new AlignedFace(input, STILL, null), output);
  }

  private static double meanAbs(Mat a, Mat b, Rect roi) {
    double sum = 0;
    long n = 0;
    try (UByteIndexer ia = a.createIndexer(); UByteIndexer ib = b.createIndexer()) {
      for (int y = roi.y(); y < roi.y() + roi.height(); y++) {
        for (int x = roi.x(); x < roi.x() + roi.width(); x++) {
          for (int c = 0; c < 3; c++) {
            sum += Math.abs(ia.get(y, x, c) - ib.get(y, x, c));
            n++;
          }
        }
      }
    }
    return sum / n;
  }

  private static int maxAbs(Mat a, Mat b) {
    int max = 0;
    try (UByteIndexer ia = a.createIndexer(); UByteIndexer ib = b.createIndexer()) {
      for (int y = 0; y < a.rows(); y++) {
        for (int x = 0; x < a.cols(); x++) {
          for (int c = 0; c < 3; c++) {
            max = Math.max(max, Math.abs(ia.get(y, x, c) - ib.get(y, x, c)));
          }
        }
      }
    }
    return max;
  }

  @Test
  void aStillFaceWithoutNoiseIsChangedByAtMostOneLevelAndDoesNotDrift() {
    Mat face = face();
    Mat restoredOnce = noisy(face, new Random(7), 40);
    int worst = 0;
    try (TemporalFusion fusion = new TemporalFusion(1.0)) {
      for (int t = 0; t < 12; t++) {
        Mat out = restoredOnce.clone();
        RestoredFace f = restored(face.clone(), out);
        fusion.fuse(t, 3, f);
        fusion.endFrame();
        worst = Math.max(worst, maxAbs(out, restoredOnce));
      }
    }
    System.out.println("still face, strength 1, 12 frames: largest change " + worst + " levels");
    assertTrue(worst <= 1, "changed by " + worst + " levels");
  }

  @Test
  void aFlickeringRestorationOfANoisyStillFaceIsCalmedAndAChangedMouthIsNotSmeared() {
    Mat face = face();
    Random random = new Random(11);
    Rect mouth = new Rect(200, 340, 112, 60);
    double rawStep = 0;
    double fusedStep = 0;
    double mouthLag = 0;
    Mat previousRaw = null;
    Mat previousFused = null;
    try (TemporalFusion fusion = new TemporalFusion(0.6)) {
      for (int t = 0; t < 8; t++) {
        Mat input = noisy(face, random, 8);
        boolean open = t == 7;
        if (open) {
          // the mouth opens on the last frame: a dark patch in the input
          try (Mat roi = input.apply(mouth)) {
            roi.put(org.bytedeco.opencv.opencv_core.Scalar.all(20));
          }
        }
        // the tiny network's way: a different noise-like face every frame around the input
        Mat raw = noisy(input, random, 30);
        Mat out = raw.clone();
        fusion.fuse(t, 1, restored(input, out));
        fusion.endFrame();
        Rect all = new Rect(0, 0, 512, 512);
        if (previousRaw != null && !open) {
          rawStep += meanAbs(raw, previousRaw, all);
          fusedStep += meanAbs(out, previousFused, all);
        }
        if (open) {
          mouthLag = meanAbs(out, raw, mouth);
        }
        previousRaw = raw;
        previousFused = out;
      }
    }
    System.out.printf(Locale.ROOT, "noisy still face, strength 0.6: frame-to-frame change %.2f -> %.2f levels "
        + "(%.2fx); opened mouth differs from that frame's own restoration by %.2f levels%n", rawStep / 6,
        fusedStep / 6, fusedStep / rawStep, mouthLag);
    assertTrue(fusedStep < 0.6 * rawStep, "flicker calmed: " + fusedStep / rawStep);
    assertTrue(mouthLag < 3, "the opened mouth is this frame's, not an average with the closed one: " + mouthLag);
  }
}
