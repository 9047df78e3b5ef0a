package io.restorevideo.face.paste;

import static io.restorevideo.face.paste.FaceCompositorRegionTest.similarity;
import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.MatData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * The split paste (the face warped straight in where its weight is 1, the band around it blended) gives the
 * whole-footprint blend's pixels: the interior found in the frame really has weight 1 everywhere, and the two
 * pastes differ by at most a level (warpAffine's fixed-point source positions depend on the rectangle's
 * origin) on faces turned, scaled, cut by the frame's edges, with and without a parse mask.
 */
class PasteInteriorTest {
  private static final int W = 900;
  private static final int H = 600;

  private static final AffineMatrix[] PLACES = {
      similarity(0.9, 0.0, 100, 40),
      similarity(0.6, 0.15, 420, 60),
      similarity(1.3, -0.4, 500, 200), // cut by the right and bottom edges
      similarity(0.45, 0.7, -60, -40), // cut by the left and top edges
      similarity(0.05, 0.0, 30, 500)}; // tiny: its blur edge covers the whole crop

  /** A smooth face (a level changes by a few per pixel at most, as on a restored face, not on noise). */
  private static Mat face(Random rnd) {
    byte[] px = new byte[512 * 512 * 3];
    double fx = 0.02 + rnd.nextDouble() * 0.02;
    double fy = 0.02 + rnd.nextDouble() * 0.02;
    for (int y = 0; y < 512; y++) {
      for (int x = 0; x < 512; x++) {
        for (int c = 0; c < 3; c++) {
          px[(y * 512 + x) * 3 + c] = (byte) (128 + 100 * Math.sin(fx * x * (c + 1) + fy * y + c));
        }
      }
    }
    Mat m = new Mat(512, 512, CV_8UC3);
    MatData.put(m, px);
    return m;
  }

  /** A face-shaped parse mask: skin (class 1) in a disc of radius {@code r} around the crop's centre. */
  private static Mat parseMask(int r) {
    int[] classes = new int[512 * 512];
    for (int i = 0; i < classes.length; i++) {
      int dx = i % 512 - 256;
      int dy = i / 512 - 270;
      classes[i] = dx * dx + dy * dy < r * r ? 1 : 0;
    }
    return ParseMask.fromClasses(classes, 512, 512);
  }

  private static Rect region(int[] box) {
    assertNotNull(box);
    return new Rect(box[0], box[1], box[2], box[3]);
  }

  private static Mat background() {
    return new Mat(H, W, CV_8UC3, new Scalar(10, 240, 70, 0));
  }

  @Test
  void theFrameInteriorHasWeightOneEverywhere() {
    try (CropSoftMasks masks = new CropSoftMasks()) {
      for (AffineMatrix place : PLACES) {
        double scale = Math.sqrt(Math.abs(place.get(0, 0) * place.get(1, 1) - place.get(0, 1) * place.get(1, 0)));
        CropSoftMasks.Entry soft = masks.mask(512, 512, scale, 2);
        Rect region = region(PasteRegion.footprint(place, 512, 512, W, H));
        Rect inner = PasteInterior.inFrame(soft.interior(), place, region);
        if (inner == null) {
          continue;
        }
        try (Mat affine = place.translated(-inner.x(), -inner.y()).toMat();
            Size size = new Size(inner.width(), inner.height()); Mat warped = new Mat(); Scalar zero = new Scalar(0.0)) {
          warpAffine(soft.mask(), warped, affine, size, INTER_LINEAR, BORDER_CONSTANT, zero);
          float least = Float.MAX_VALUE;
          for (float v : MatData.floats(warped)) {
            least = Math.min(least, v);
          }
          assertTrue(least >= PasteInterior.FULL - 1e-6, "weight " + least + " inside " + inner.x() + "," + inner.y() + " " + inner.width() + "x" + inner.height()
              + " for " + place);
        }
      }
    }
  }

  @Test
  void largeUprightFaceIsMostlyInterior() {
    try (CropSoftMasks masks = new CropSoftMasks()) {
      AffineMatrix place = similarity(1.9, 0.0, 400, 30);
      Rect region = region(PasteRegion.footprint(place, 512, 512, 1920, 1080));
      Rect inner = PasteInterior.inFrame(masks.mask(512, 512, 1.9, 2).interior(), place, region);
      assertNotNull(inner);
      double share = (double) inner.width() * inner.height() / ((double) region.width() * region.height());
      assertTrue(share > 0.4, "interior share " + share);
    }
  }

  @Test
  void splitPasteEqualsTheWholeBlendWithinOneLevel() {
    for (boolean parse : new boolean[] {false, true}) {
      Random rnd = new Random(parse ? 5 : 3);
      List<FaceCompositor.Face> faces = new ArrayList<>();
      List<Mat> owned = new ArrayList<>();
      for (AffineMatrix place : PLACES) {
        Mat face = face(rnd);
        owned.add(face);
        Mat mask = null;
        if (parse) {
          mask = parseMask(140 + rnd.nextInt(80));
          owned.add(mask);
          try (Mat weights = new Mat()) {
            mask.convertTo(weights, CV_32F);
            assertNotNull(PasteInterior.of(weights), "the parse mask leaves an interior to warp straight in");
          }
        }
        faces.add(new FaceCompositor.Face(face, place, mask));
      }
      try (Mat whole = background(); Mat split = background();
          FastFaceCompositor reference = new FastFaceCompositor(1, false);
          FastFaceCompositor fast = new FastFaceCompositor(1)) {
        reference.paste(whole, faces);
        fast.paste(split, faces);
        byte[] a = MatData.bytes(whole);
        byte[] b = MatData.bytes(split);
        int max = 0;
        long differing = 0;
        for (int i = 0; i < a.length; i++) {
          int d = Math.abs((a[i] & 0xff) - (b[i] & 0xff));
          max = Math.max(max, d);
          differing += d > 0 ? 1 : 0;
        }
        assertTrue(max <= 1, "largest difference " + max + " (parse " + parse + ")");
        assertTrue(differing < a.length / 100, differing + " values differ (parse " + parse + ")");
      } finally {
        owned.forEach(Mat::close);
      }
    }
  }
}
