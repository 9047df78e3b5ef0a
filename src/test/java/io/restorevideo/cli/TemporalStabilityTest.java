package io.restorevideo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.api.StabilityMetrics;
import io.restorevideo.media.ClipFrames;
import io.restorevideo.metrics.StabilityReport;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.DegradedClip;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --temporal} with the tiny random-weight networks, whose "restored" face is noise-like and so
 * flickers from frame to frame: the case a stabiliser must calm. Outputs are lossless (FFV1) so the metrics
 * see the restoration, not the encoder. The centre face alone keeps the runs short.
 */
class TemporalStabilityTest {
  /** Short side 512: no enlarging for the detector, so every pixel the faces do not cover is the input's. */
  private static final int W = 640;
  private static final int H = 512;
  /** The small clip of the flicker comparison (enlarged for the detector as a small video is). */
  private static final int SMALL_W = 160;
  private static final int SMALL_H = 128;

  @TempDir Path dir;

  private Path restore(Path input, String name, String... extra) {
    Path out = dir.resolve(name + ".mkv");
    List<String> args = new ArrayList<>(List.of(input.toString(), out.toString(), "--only-center-face",
        "--video-codec", "ffv1", "--quiet"));
    args.addAll(TinyModels.cliArgs(dir));
    args.addAll(List.of(extra));
    CliRun r = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return out;
  }

  private static StabilityReport measure(DegradedClip.Clips clips, Path out) {
    return StabilityMetrics.builder(clips.input().toString(), out.toString()).reference(clips.reference().toString())
        .build().run().report();
  }

  @Test
  void defaultsHaveAtMostSixTenthsOfThePerFrameModesExcessFaceWarpingError() {
    DegradedClip.Clips clips = DegradedClip.moving(dir, SMALL_W, SMALL_H, 6);
    StabilityReport perFrame = measure(clips,
        restore(clips.input(), "per-frame", "--detect-every", "1", "--smoothing", "0", "--temporal", "0"));
    StabilityReport tracked = measure(clips, restore(clips.input(), "tracked", "--temporal", "0"));
    StabilityReport stabilised = measure(clips, restore(clips.input(), "defaults"));
    double base = perFrame.faceWarping().excess();
    double ratio = stabilised.faceWarping().excess() / base;
    double trackingShare = tracked.faceWarping().excess() / base;
    System.out.printf(Locale.ROOT, "%dx%d: excess face warping error (levels): per-frame %.3f, tracking only "
        + "(--temporal 0) %.3f (%.3fx), defaults (--temporal %s) %.3f (%.3fx); temporal alone %.3fx; face flicker "
        + "excess %.3f / %.3f / %.3f; face PSNR %.2f / %.2f / %.2f dB%n", SMALL_W, SMALL_H, base,
        tracked.faceWarping().excess(), trackingShare, io.restorevideo.api.VideoFaces.DEFAULT_TEMPORAL,
        stabilised.faceWarping().excess(), ratio, stabilised.faceWarping().excess() / tracked.faceWarping().excess(),
        perFrame.flicker().excess(), tracked.flicker().excess(), stabilised.flicker().excess(),
        perFrame.quality().facePsnr(), tracked.quality().facePsnr(), stabilised.quality().facePsnr());
    assertTrue(ratio <= 0.6, "defaults' excess face warping error is " + ratio + "x the per-frame mode's");
    assertTrue(stabilised.faceWarping().excess() < tracked.faceWarping().excess(),
        "the stabiliser itself calms the faces, beyond what tracking does");
  }

  @Test
  void temporalTouchesOnlyTheFaces() {
    DegradedClip.Clips clips = DegradedClip.moving(dir, W, H, 4);
    Path trackedOnly = restore(clips.input(), "tracked", "--temporal", "0");
    Path defaults = restore(clips.input(), "defaults");
    StabilityReport tracked = measure(clips, trackedOnly);
    StabilityReport stabilised = measure(clips, defaults);
    System.out.printf(Locale.ROOT, "%dx%d: excess face warping error tracking only %.3f, defaults %.3f (%.3fx)%n", W,
        H, tracked.faceWarping().excess(), stabilised.faceWarping().excess(),
        stabilised.faceWarping().excess() / tracked.faceWarping().excess());
    assertChangesOnlyFaces(clips.input(), trackedOnly, defaults);
  }

  /**
   * Every pixel {@code --temporal} changed lies in a face: the box around the pixels the unstabilised
   * restoration changed (the rest of the frame is the input's, exactly, at this size and codec), grown by a
   * tenth of its size on each side for the paste mask's feathered edge, which the parse mask of a blended
   * face may move a little.
   */
  private static void assertChangesOnlyFaces(Path input, Path off, Path on) {
    List<Mat> in = frames(input);
    List<Mat> a = frames(off);
    List<Mat> b = frames(on);
    assertEquals(in.size(), b.size());
    long changed = 0;
    double boxes = 0;
    for (int t = 0; t < in.size(); t++) {
      int[] box = faceBox(in.get(t), a.get(t));
      if (box != null) {
        boxes += (double) (box[2] - box[0] + 1) * (box[3] - box[1] + 1) / ((double) W * H);
      }
      try (UByteIndexer ia = a.get(t).createIndexer(); UByteIndexer ib = b.get(t).createIndexer()) {
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W; x++) {
            for (int c = 0; c < 3; c++) {
              if (ia.get(y, x, c) != ib.get(y, x, c)) {
                changed++;
                assertTrue(box != null && x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3],
                    "frame " + t + ": pixel " + x + "," + y + " outside the face changed");
              }
            }
          }
        }
      }
    }
    double share = boxes / in.size();
    System.out.printf(Locale.ROOT, "--temporal changed %d pixel values, all inside the face boxes (%.1f %% of the "
        + "frame on average)%n", changed, 100 * share);
    assertTrue(share < 0.6, "the face boxes leave most of the frame outside: " + share);
    assertTrue(changed > 0, "--temporal changed something");
  }

  /** The box of the pixels the restoration changed, grown by a tenth of its size each way; null if none. */
  private static int[] faceBox(Mat input, Mat output) {
    int x1 = W;
    int y1 = H;
    int x2 = -1;
    int y2 = -1;
    try (UByteIndexer i = input.createIndexer(); UByteIndexer o = output.createIndexer()) {
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          for (int c = 0; c < 3; c++) {
            if (i.get(y, x, c) != o.get(y, x, c)) {
              x1 = Math.min(x1, x);
              y1 = Math.min(y1, y);
              x2 = Math.max(x2, x);
              y2 = Math.max(y2, y);
            }
          }
        }
      }
    }
    if (x2 < 0) {
      return null;
    }
    int gx = (x2 - x1) / 10;
    int gy = (y2 - y1) / 10;
    return new int[] {Math.max(0, x1 - gx), Math.max(0, y1 - gy), Math.min(W - 1, x2 + gx), Math.min(H - 1, y2 + gy)};
  }

  private static List<Mat> frames(Path clip) {
    List<Mat> out = new ArrayList<>();
    ClipFrames.forEach(clip.toString(), 0, (index, seconds, bgr) -> out.add(bgr.clone()));
    return out;
  }
}
