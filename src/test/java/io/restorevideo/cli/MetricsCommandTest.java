package io.restorevideo.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.DegradedClip;
import io.restorevideo.testutil.Ffmpeg;
import io.restorevideo.testutil.TinyModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code restore-video metrics} on clips whose answer is known: identical, one frame replaced, a painted box. */
class MetricsCommandTest {
  private static final int W = 160;
  private static final int H = 128;
  private static final int FRAMES = 8;

  @TempDir Path dir;

  /** The arguments, and an empty model cache, so a detector cached on this machine is not picked up. */
  private CliRun metrics(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--model-dir";
    all[args.length + 1] = dir.resolve("no-models").toString();
    return CliRun.of(all);
  }

  private static JsonObject json(CliRun r) {
    assertEquals(0, r.exit(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  @Test
  void anOutputIdenticalToItsInputHasNoExcessWarpingErrorAndCappedPsnr() throws Exception {
    DegradedClip.Clips clips = DegradedClip.moving(dir, W, H, FRAMES);
    Path same = dir.resolve("same.mkv");
    Files.copy(clips.input(), same);
    JsonObject m = json(metrics("metrics", clips.input().toString(), same.toString(), "--reference",
        clips.input().toString(), "--json", "--quiet"));
    JsonObject warping = m.getAsJsonObject("warping");
    System.out.println("identical: warping " + warping + ", quality " + m.get("quality"));
    assertEquals(0.0, warping.get("excess").getAsDouble(), 0.0);
    assertTrue(warping.get("input").getAsDouble() > 1, "the degraded input itself flickers: " + warping);
    assertEquals(0, m.getAsJsonArray("tracks").size(), "no region differs, so no face track");
    assertEquals(100.0, m.getAsJsonObject("quality").get("psnr").getAsDouble(), 0.0);
    assertEquals(1.0, m.getAsJsonObject("quality").get("ssim").getAsDouble(), 1e-6);
    JsonObject streams = m.getAsJsonObject("streams");
    assertTrue(streams.get("ok").getAsBoolean(), streams.toString());
    assertEquals(FRAMES, streams.get("outputFrames").getAsLong());
    assertTrue(streams.getAsJsonArray("packets").size() == 1
        && streams.getAsJsonArray("packets").get(0).getAsJsonObject().get("inputPackets").getAsLong() > 0,
        "the audio stream's packets are compared: " + streams);
  }

  @Test
  void aReplacedFrameIsTheSuspectFrame() {
    DegradedClip.Clips clips = DegradedClip.moving(dir, W, H, FRAMES);
    Path glitch = DegradedClip.withReplacedFrame(dir, W, H, FRAMES, 4);
    JsonObject m = json(metrics("metrics", clips.input().toString(), glitch.toString(), "--json", "--quiet"));
    System.out.println("replaced frame 4: suspect " + m.get("suspectFrame") + ", excess " + m.get("suspectExcess"));
    assertEquals(4, m.get("suspectFrame").getAsLong());
    assertTrue(m.get("suspectExcess").getAsDouble() > 5, "a frame from elsewhere stands out: " + m);
    assertTrue(m.getAsJsonObject("streams").get("ok").getAsBoolean(), "same count, times and audio");
  }

  @Test
  void thePlotIsAReadablePngWithALinePerTrackAndAPsnrPanel() {
    DegradedClip.Clips clips = DegradedClip.moving(dir, W, H, FRAMES);
    // a "restored face": a box the output changes, and a clip shorter by one frame for the stream check
    Path boxed = dir.resolve("boxed.mkv");
    Ffmpeg.run(dir, "-i", clips.input().toString(), "-vf", "drawbox=x=50:y=30:w=40:h=50:color=red@0.6:t=fill",
        "-frames:v", "" + (FRAMES - 1), "-c:v", "ffv1", "-pix_fmt", "bgr0", "-c:a", "copy", boxed.toString());
    Path plot = dir.resolve("plot.png");
    CliRun r = metrics("metrics", clips.input().toString(), boxed.toString(), "--reference",
        clips.reference().toString(), "--plot", plot.toString(), "--quiet");
    System.out.println(r.out() + r.err());
    assertEquals(1, r.exit(), "the stream check failed: " + r.err());
    assertTrue(r.out().contains("track 0"), "the figures are still printed: " + r.out());
    assertTrue(r.out().contains("streams: DIFFERENT: 7 frames (input 8)"), r.out());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertTrue(r.err().contains("boxed.mkv: streams differ from the input's: 7 frames (input 8), "), r.err());
    assertTrue(r.err().matches("(?s).*\\d+ audio packets \\(input \\d+\\).*"), r.err());
    try (Mat png = imread(plot.toString(), IMREAD_COLOR)) {
      assertNotNull(png);
      assertEquals(1000, png.cols());
      assertEquals(720, png.rows(), "two panels: warping error and PSNR");
      int trackPixels = 0;
      try (UByteIndexer idx = png.createIndexer()) {
        for (int y = 0; y < png.rows(); y++) {
          for (int x = 0; x < png.cols(); x++) {
            // track 0's colour (BGR 180, 119, 31)
            if (Math.abs(idx.get(y, x, 0) - 180) < 8 && Math.abs(idx.get(y, x, 1) - 119) < 8
                && Math.abs(idx.get(y, x, 2) - 31) < 8) {
              trackPixels++;
            }
          }
        }
      }
      assertTrue(trackPixels > 200, "track 0's line and legend are drawn: " + trackPixels + " pixels");
    }
  }

  @Test
  void aMissingOutputIsOneLineNamingIt() {
    DegradedClip.Clips clips = DegradedClip.still(dir, W, H, 2);
    CliRun r = metrics("metrics", clips.input().toString(), dir.resolve("nope.mkv").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("nope.mkv: no such file"), r.err());
  }

  /**
   * With a detector's weights the faces are the detector's, found on the output and tracked: on an output
   * identical to its input (no region differs, so the difference finder sees no face) there are face tracks,
   * and the output's landmark jitter is measured. It is exactly 0 on a still clip without noise (the same
   * detections every frame) and above 0 where the degraded camera path moves the faces.
   */
  @Test
  void withADetectorTheFacesAreDetectedTrackedAndTheirJitterMeasured() throws Exception {
    Path detector = TinyModels.detectingRetinaFace(dir);
    DegradedClip.Clips moving = DegradedClip.moving(dir, W, H, FRAMES);
    Path same = dir.resolve("same.mkv");
    Files.copy(moving.input(), same);
    JsonObject m = json(metrics("metrics", moving.input().toString(), same.toString(), "--json", "--quiet",
        "--weights", "detector=" + detector));
    Path stillDir = Files.createDirectories(dir.resolve("still"));
    DegradedClip.Clips still = DegradedClip.still(stillDir, W, H, FRAMES);
    JsonObject s = json(metrics("metrics", still.input().toString(), still.input().toString(), "--json",
        "--quiet", "--weights", "detector=" + detector));
    System.out.println("detector: moving clip regions '" + m.get("regions").getAsString() + "', "
        + m.getAsJsonArray("tracks").size() + " tracks, jitter " + m.get("jitter") + "; still clip jitter "
        + s.get("jitter") + ", " + s.getAsJsonArray("tracks").size() + " tracks");
    assertTrue(m.get("regions").getAsString().contains("found by retinaface-detecting.safetensors"), m.toString());
    assertTrue(m.getAsJsonArray("tracks").size() > 0, "the detector's faces are tracks: " + m);
    JsonObject track = m.getAsJsonArray("tracks").get(0).getAsJsonObject();
    assertEquals(0.0, track.get("excess").getAsDouble(), 0.0, "an unchanged output adds nothing on its faces");
    assertTrue(m.get("jitter").getAsDouble() > 0, "detections on a moving noisy clip jitter: " + m.get("jitter"));
    assertEquals(0.0, s.get("jitter").getAsDouble(), 0.0, "the same frame gives the same landmarks");
    for (var t : s.getAsJsonArray("tracks")) {
      assertEquals(FRAMES - 1, t.getAsJsonObject().get("frames").getAsLong(), "a still face is one unbroken track "
          + "(figures from the second frame on): " + s.getAsJsonArray("tracks"));
    }
  }
}
