package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.GoldenImages;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.align.AlignedFace;
import io.restorevideo.face.align.FaceAligner;
import io.restorevideo.face.align.FaceTemplate;
import io.restorevideo.face.detect.InputUpsizer;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.Npy;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Alignment and paste-back against the official helper's outputs (golden/align-paste, README section 3). */
class AlignPasteGoldenTest {
  private static final String DIR = "/golden/align-paste/";
  private static final FaceAligner ALIGNER = new FaceAligner(FaceTemplate.ffhq512());

  private static Landmarks5 landmarks(int face) {
    float[] all = Npy.resource(DIR + "landmarks.npy").floats();
    float[] xy = new float[10];
    System.arraycopy(all, 10 * face, xy, 0, 10);
    return new Landmarks5(xy);
  }

  private static double maxDiff(AffineMatrix m, float[] golden, int face) {
    double max = 0;
    for (int i = 0; i < 6; i++) {
      max = Math.max(max, Math.abs(m.get(i / 3, i % 3) - golden[6 * face + i]));
    }
    return max;
  }

  @Test
  void lmedsAffinesMatch() {
    float[] golden = Npy.resource(DIR + "affine.npy").floats();
    for (int face = 0; face < 2; face++) {
      double d = maxDiff(ALIGNER.estimate(landmarks(face)), golden, face);
      System.out.printf("affine face %d: max diff %.3g%n", face, d);
      assertTrue(d < 1e-3, "face " + face + " affine differs by " + d);
    }
  }

  @Test
  void cropsMatch() {
    Mat group = GoldenImages.read(DIR + "group.png");
    for (int face = 0; face < 2; face++) {
      try (AlignedFace aligned = ALIGNER.align(group, landmarks(face));
          Mat golden = GoldenImages.read(DIR + "cropped_" + face + ".png")) {
        int[] d = GoldenImages.diff(aligned.crop(), golden);
        System.out.printf("cropped_%d: max diff %d levels, %d of %d values differ%n", face, d[0], d[1],
            512 * 512 * 3);
        assertTrue(d[0] <= 3, "crop " + face + " differs by " + d[0] + " levels");
      }
    }
  }

  @Test
  void inverseAffinesMatch() {
    for (int up : new int[] {1, 2}) {
      float[] golden = Npy.resource(DIR + "inverse_affine_up" + up + ".npy").floats();
      for (int face = 0; face < 2; face++) {
        AffineMatrix inv = PasteAffine.forPaste(ALIGNER.estimate(landmarks(face)), up);
        double d = maxDiff(inv, golden, face);
        System.out.printf("inverse affine up%d face %d: max diff %.3g%n", up, face, d);
        assertTrue(d < 1e-3, "up " + up + " face " + face + " differs by " + d);
      }
    }
  }

  @Test
  void softMaskOfFace0MatchesInsideItsWindow() {
    AffineMatrix inv = PasteAffine.forPaste(ALIGNER.estimate(landmarks(0)), 1);
    Rect r = PasteRegion.of(inv, 512, 512, 960, 540, 2);
    float[] crop = Npy.resource(DIR + "soft_mask_0_up1_crop.npy").floats();
    try (RegionWarp warp = new RegionWarp(inv, r)) {
      SquareSoftMask mask = SquareSoftMask.compute(warp, r, 512, 512, 2, 960, 540);
      assertEquals(6, mask.edge, "w_edge");
      assertEquals(15450.72, mask.area, 0.01, "area");
      double max = 0;
      for (int y = 0; y < 540; y++) {
        for (int x = 0; x < 960; x++) {
          boolean inRegion = x >= r.x() && x < r.x() + r.width() && y >= r.y() && y < r.y() + r.height();
          float ours = inRegion ? mask.soft[(y - r.y()) * r.width() + x - r.x()] : 0f;
          boolean inWindow = y >= 96 && y < 240 && x >= 128 && x < 272;
          float golden = inWindow ? crop[(y - 96) * 144 + x - 128] : 0f;
          max = Math.max(max, Math.abs(ours - golden));
        }
      }
      System.out.printf("soft mask face 0 up1: max diff %.2e%n", max);
      assertTrue(max < 2e-3, "soft mask differs by " + max);
    }
  }

  @Test
  void pastedImagesMatch() {
    Mat group = GoldenImages.read(DIR + "group.png");
    for (int up : new int[] {1, 2}) {
      List<FaceCompositor.Face> faces = new ArrayList<>();
      for (int face = 0; face < 2; face++) {
        Mat cropped = GoldenImages.read(DIR + "cropped_" + face + ".png");
        Mat restored = new Mat(512, 512, CV_8UC3);
        subtract(new Mat(512, 512, CV_8UC3, new Scalar(255, 255, 255, 0)), cropped, restored);
        faces.add(new FaceCompositor.Face(restored, PasteAffine.forPaste(ALIGNER.estimate(landmarks(face)), up)));
      }
      long t0 = System.nanoTime();
      Mat canvas = FaceCompositor.background(group, up);
      new FaceCompositor(up, false).paste(canvas, faces);
      long t1 = System.nanoTime();
      try (Mat golden = GoldenImages.read(DIR + "pasted_up" + up + ".png")) {
        int[] d = GoldenImages.diff(canvas, golden);
        System.out.printf("pasted_up%d: max diff %d levels, %d of %d values differ (%.1f ms)%n", up, d[0], d[1],
            canvas.total() * 3, (t1 - t0) / 1e6);
        assertTrue(d[0] <= 2, "pasted_up" + up + " differs by " + d[0] + " levels");
      }
    }
  }

  @Test
  void smallInputIsUpsizedAsReadImage() {
    try (Mat small = GoldenImages.read(DIR + "small_input.png"); Mat up = InputUpsizer.upsizeIfSmall(small);
        Mat golden = GoldenImages.read(DIR + "small_input_read.png")) {
      assertEquals(683, up.cols());
      assertEquals(512, up.rows());
      int[] d = GoldenImages.diff(up, golden);
      System.out.printf("small_input_read: max diff %d levels, %d values differ%n", d[0], d[1]);
      assertEquals(0, d[0], "upsized image differs");
    }
  }
}
