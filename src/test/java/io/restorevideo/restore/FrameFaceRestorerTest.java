package io.restorevideo.restore;

import io.restorevideo.pipeline.Fixtures;
import io.restorevideo.pipeline.GoldenDetector;
import io.restorevideo.pipeline.InvertingRestorer;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.align.AlignedFace;
import io.restorevideo.face.DetectedFace;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/** The whole-image flow of inference_codeformer.py against the golden align-paste outputs, and its steps. */
class FrameFaceRestorerTest {
  private static GoldenDetector bothFaces() {
    return new GoldenDetector(List.of(Fixtures.landmarks(0), Fixtures.landmarks(1)), 960, 540);
  }

  private static FaceRestoreOptions noParse(int upscale) {
    return FaceRestoreOptions.builder().upscale(upscale).parse(false).build();
  }

  @Test
  void reproducesTheHelpersPastedImagesWithAllFacesInOneBatch() {
    try (Mat group = Fixtures.image("group.png")) {
      for (int up : new int[] {1, 2}) {
        GoldenDetector detector = bothFaces();
        InvertingRestorer restorer = new InvertingRestorer();
        try (FrameFaceRestorer frames = new FrameFaceRestorer(noParse(up), detector, restorer, null, null);
            FrameResult result = frames.process(group);
            Mat golden = Fixtures.image("pasted_up" + up + ".png")) {
          int max = Fixtures.maxDiff(result.output(), golden);
          System.out.printf("pasted_up%d: max diff %d, %d values differ%n", up, max,
              Fixtures.countDiffering(result.output(), golden));
          assertTrue(max <= 2, "pasted_up" + up + " differs by " + max + " levels");
          assertEquals(List.of(2), restorer.batchSizes, "both faces in one call");
          assertEquals(List.of(0.5), restorer.fidelities, "the official default w");
          assertEquals(2, result.faces().size());
          assertEquals(1137, detector.seenWidth, "detection on the short-side-640 copy");
          assertEquals(640, detector.seenHeight);
          assertFalse(result.gray());
        }
      }
    }
  }

  @Test
  void cropsSentToTheNetworkAreTheHelpersCrops() {
    InvertingRestorer restorer = new InvertingRestorer();
    try (Mat group = Fixtures.image("group.png");
        FrameFaceRestorer frames = new FrameFaceRestorer(noParse(1), bothFaces(), restorer, null, null);
        FrameResult ignored = frames.process(group)) {
      for (int k = 0; k < 2; k++) {
        try (Mat golden = Fixtures.image("cropped_" + k + ".png")) {
          int max = Fixtures.maxDiff(restorer.seen.get(k), golden);
          assertTrue(max <= 3, "crop " + k + " differs by " + max);
        }
      }
    }
  }

  @Test
  void onlyCenterFaceKeepsTheMiddleFace() {
    FaceRestoreOptions options = noParse(1).toBuilder().onlyCenterFace(true).build();
    InvertingRestorer restorer = new InvertingRestorer();
    try (Mat group = Fixtures.image("group.png");
        FrameFaceRestorer frames = new FrameFaceRestorer(options, bothFaces(), restorer, null, null);
        FrameResult result = frames.process(group);
        Mat golden = Fixtures.image("pasted_up1.png")) {
      assertEquals(List.of(1), restorer.batchSizes);
      assertEquals(Fixtures.landmarks(1), result.faces().get(0).detection().landmarks());
      // face 0 (x 40..400) is left as it was; face 1 (x 480..780) is pasted as in the golden image
      try (Rect left = new Rect(40, 90, 360, 360); Rect middle = new Rect(480, 120, 300, 300)) {
        assertEquals(0, Fixtures.maxDiff(new Mat(result.output(), left), new Mat(group, left)));
        assertTrue(Fixtures.maxDiff(new Mat(result.output(), left), new Mat(golden, left)) > 100);
        assertTrue(Fixtures.maxDiff(new Mat(result.output(), middle), new Mat(golden, middle)) <= 2);
      }
    }
  }

  @Test
  void noFaceGivesTheUpscaledInputWithoutCallingTheNetwork() {
    InvertingRestorer restorer = new InvertingRestorer();
    GoldenDetector none = new GoldenDetector(List.of(), 960, 540);
    try (Mat group = Fixtures.image("group.png");
        FrameFaceRestorer frames = new FrameFaceRestorer(noParse(2), none, restorer, null, null);
        FrameResult result = frames.process(group);
        Mat expected = new Mat();
        Size size = new Size(1920, 1080)) {
      resize(group, expected, size, 0, 0, INTER_LINEAR);
      assertEquals(0, Fixtures.maxDiff(result.output(), expected));
      assertTrue(restorer.batchSizes.isEmpty());
      assertEquals(1, none.calls);
    }
  }

  @Test
  void smallInputsAreUpsizedBeforeDetectionAndTheOutputScalesFromThere() {
    try (Mat small = Fixtures.image("small_input.png");
        FrameFaceRestorer frames = new FrameFaceRestorer(noParse(2),
            new GoldenDetector(List.of(Fixtures.landmarks(0).scaled(512.0 / 300)), 683, 512),
            new InvertingRestorer(), null, null);
        FrameResult result = frames.process(small);
        Mat upsized = Fixtures.image("small_input_read.png")) {
      assertEquals(1366, result.output().cols());
      assertEquals(1024, result.output().rows());
      assertEquals(512.0 / 300, result.inputScale(), 1e-12);
      // far from the face the output is the helper's upsized input, resized by 2
      try (Mat expected = new Mat(); Size size = new Size(1366, 1024); Rect corner = new Rect(1100, 800, 260, 220)) {
        resize(upsized, expected, size, 0, 0, INTER_LINEAR);
        assertEquals(0, Fixtures.maxDiff(new Mat(result.output(), corner), new Mat(expected, corner)));
      }
    }
  }

  @Test
  void grayInputGivesAGrayFaceEvenFromABlackOrTintedNetworkOutput() {
    try (Mat group = Fixtures.image("group.png"); Mat gray1 = new Mat(); Mat gray = new Mat()) {
      cvtColor(group, gray1, COLOR_BGR2GRAY);
      cvtColor(gray1, gray, COLOR_GRAY2BGR);
      for (Scalar colour : new Scalar[] {new Scalar(0.0), new Scalar(0, 128, 255, 0)}) {
        FaceBatchRestorer flat = (crops, w) -> {
          List<Mat> out = new ArrayList<>();
          crops.forEach(c -> out.add(new Mat(c.rows(), c.cols(), CV_8UC3, colour)));
          return out;
        };
        try (FrameFaceRestorer frames = new FrameFaceRestorer(noParse(1), bothFaces(), flat, null, null);
            FrameResult result = frames.process(gray)) {
          assertTrue(result.gray());
          for (RestoredFace f : result.faces()) {
            byte[] px = Fixtures.bytes(f.restored());
            long sum = 0;
            for (int i = 0; i < px.length; i += 3) {
              assertEquals(px[i], px[i + 1]);
              assertEquals(px[i], px[i + 2]);
              sum += px[i] & 0xff;
            }
            double mean = sum / (px.length / 3.0);
            assertTrue(mean > 40, "restored face is not black (mean " + mean + ")");
          }
          byte[] out = Fixtures.bytes(result.output());
          for (int i = 0; i < out.length; i += 3) {
            assertTrue(Math.abs(out[i] - out[i + 2]) <= 1 && Math.abs(out[i] - out[i + 1]) <= 1,
                "colour at pixel " + i / 3);
          }
        }
      }
    }
  }

  @Test
  void parseMasksLimitThePasteAndSuppliedMasksSkipTheParser() {
    List<Integer> parsed = new ArrayList<>();
    FaceMasker zeros = faces -> {
      parsed.add(faces.size());
      faces.forEach(f -> assertEquals(512, f.cols()));
      List<Mat> out = new ArrayList<>();
      faces.forEach(f -> out.add(new Mat(512, 512, CV_64FC1, new Scalar(0.0))));
      return out;
    };
    FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).build();
    try (Mat group = Fixtures.image("group.png");
        FrameFaceRestorer frames = new FrameFaceRestorer(options, bothFaces(), new InvertingRestorer(), zeros, null)) {
      try (FrameResult result = frames.process(group)) {
        assertEquals(List.of(2), parsed, "one parser call for both faces");
        assertEquals(0, Fixtures.maxDiff(result.output(), group), "a zero parse mask pastes nothing");
      }
      try (PreparedImage image = frames.prepare(group)) {
        List<DetectedFace> found = frames.detect(image);
        List<RestoredFace> restored = frames.restore(found, frames.align(image, found), image.gray());
        List<Mat> ones = List.of(new Mat(512, 512, CV_64FC1, new Scalar(1.0)),
            new Mat(512, 512, CV_64FC1, new Scalar(1.0)));
        try (Mat out = frames.composite(image, restored, ones); Mat golden = Fixtures.image("pasted_up1.png")) {
          assertEquals(List.of(2), parsed, "supplied masks: parser not called again");
          // min(parse, soft) equals the square mask except on the warped crop's bilinear fringe, which the 2x2
          // erosion keeps on the right and bottom edges; elsewhere only the float64 blend of the parse path (numpy
          // promotes to the mask's float64) may truncate one level away from the float32 square path
          byte[] a = Fixtures.bytes(out);
          byte[] b = Fixtures.bytes(golden);
          int differing = 0;
          for (int i = 0; i < a.length; i++) {
            int d = Math.abs((a[i] & 0xff) - (b[i] & 0xff));
            if (d > 0) {
              differing++;
            }
            if (d > 1) {
              int x = (i / 3) % 960;
              int y = (i / 3) / 960;
              assertTrue(nearCropEdge(restored, x, y), "pixel " + x + "," + y + " differs by " + d + " inside");
            }
          }
          System.out.printf("all-ones parse mask vs pasted_up1: %d values differ, those by more than 1 on the edge%n", differing);
        }
        restored.forEach(RestoredFace::close);
      }
    }
  }

  /** Whether (x, y) maps into the outer 8 pixels of some face's 512 crop (about 2 pixels in group.png). */
  private static boolean nearCropEdge(List<RestoredFace> faces, int x, int y) {
    for (RestoredFace f : faces) {
      AffineMatrix m = f.aligned().affine();
      double cx = m.applyX(x, y);
      double cy = m.applyY(x, y);
      boolean inside = cx > -8 && cy > -8 && cx < 520 && cy < 520;
      boolean interior = cx > 8 && cy > 8 && cx < 504 && cy < 504;
      if (inside && !interior) {
        return true;
      }
    }
    return false;
  }

  @Test
  void alignWithASuppliedMatrixGivesTheSameCropsAsFittingOne() {
    try (Mat group = Fixtures.image("group.png");
        FrameFaceRestorer frames = new FrameFaceRestorer(noParse(1), bothFaces(), new InvertingRestorer(), null, null);
        PreparedImage image = frames.prepare(group)) {
      List<DetectedFace> found = frames.detect(image);
      List<AlignedFace> fitted = frames.align(image, found);
      List<AffineMatrix> matrices = fitted.stream().map(AlignedFace::affine).toList();
      List<AlignedFace> reused = frames.alignWith(image, found, matrices);
      for (int i = 0; i < 2; i++) {
        assertArrayEquals(Fixtures.bytes(fitted.get(i).crop()), Fixtures.bytes(reused.get(i).crop()));
      }
      fitted.forEach(AlignedFace::close);
      reused.forEach(AlignedFace::close);
    }
  }

  @Test
  void backgroundAndFacesGoThroughTheUpsamplerWhenAsked() {
    List<int[]> calls = new ArrayList<>();
    BackgroundUpsampler nearest = (bgr, scale) -> {
      calls.add(new int[] {bgr.cols(), bgr.rows(), scale});
      Mat out = new Mat();
      try (Size size = new Size(bgr.cols() * scale, bgr.rows() * scale)) {
        resize(bgr, out, size, 0, 0, INTER_NEAREST);
      }
      return out;
    };
    FaceRestoreOptions options = noParse(2).toBuilder().faceUpsample(true).build();
    try (Mat group = Fixtures.image("group.png");
        FrameFaceRestorer frames = new FrameFaceRestorer(options, bothFaces(), new InvertingRestorer(), null, nearest);
        FrameResult result = frames.process(group);
        Mat golden = Fixtures.image("pasted_up2.png")) {
      assertEquals(3, calls.size(), "background, then each face");
      assertArrayEquals(new int[] {960, 540, 2}, calls.get(0));
      assertArrayEquals(new int[] {512, 512, 2}, calls.get(1));
      assertEquals(1920, result.output().cols());
      // nearest-neighbour upsampling differs from the bilinear background, so the golden image no longer holds
      assertTrue(Fixtures.maxDiff(result.output(), golden) > 2);
    }
  }

  @Test
  void aRestorerReturningTheWrongCountFails() {
    FaceBatchRestorer broken = (crops, w) -> List.of();
    try (Mat group = Fixtures.image("group.png");
        FrameFaceRestorer frames = new FrameFaceRestorer(noParse(1), bothFaces(), broken, null, null)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> frames.process(group));
      assertEquals("the face restorer returned 0 faces for 2", e.getMessage());
    }
  }

  @Test
  void parsingWithoutAParserIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new FrameFaceRestorer(FaceRestoreOptions.defaults(),
        bothFaces(), new InvertingRestorer(), null, null));
  }
}
