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

  private static JsonObject json(CliRun r) {
    assertEquals(0, r.exit(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  @Test
  void anOutputIdenticalToItsInputHasNoExcessWarpingErrorAndCappedPsnr() throws Exception {
    DegradedClip.Clips clips = DegradedClip.moving(dir, W, H, FRAMES);
    Path same = dir.resolve("same.mkv");
    Files.copy(clips.input(), same);
    JsonObject m = json(CliRun.of("metrics", clips.input().toString(), same.toString(), "--reference",
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
    JsonObject m = json(CliRun.of("metrics", clips.input().toString(), glitch.toString(), "--json", "--quiet"));
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
    CliRun r = CliRun.of("metrics", clips.input().toString(), boxed.toString(), "--reference",
        clips.reference().toString(), "--plot", plot.toString(), "--quiet");
    assertEquals(0, r.exit(), r.err());
    System.out.println(r.out());
    assertTrue(r.out().contains("track 0"), r.out());
    assertTrue(r.out().contains("streams: DIFFERENT: 7 frames (input 8)"), r.out());
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
    Files.exists(plot);
  }

  @Test
  void aMissingOutputIsOneLineNamingIt() {
    DegradedClip.Clips clips = DegradedClip.still(dir, W, H, 2);
    CliRun r = CliRun.of("metrics", clips.input().toString(), dir.resolve("nope.mkv").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("nope.mkv: no such file"), r.err());
  }
}
