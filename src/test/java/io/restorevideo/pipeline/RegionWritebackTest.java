package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.api.VideoJob;
import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.testutil.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A face job outside the exact mode re-converts only the rectangles its paste declared: decoded from lossless
 * files (ffv1 in and out, so the encoder adds nothing), every pixel outside them is the input's own, and inside
 * them the frame equals the whole-frame path's, bit for bit. A stage that takes the pixels for writing without
 * declaring sends the frame down the whole-frame path.
 */
class RegionWritebackTest {
  private static final int W = 768;
  private static final int H = 576;
  private static final int FRAMES = 8;
  private static final int FRAME_BYTES = W * H * 3 / 2;

  @TempDir Path dir;
  private Path in;

  @BeforeEach
  void clip() {
    in = dir.resolve("in.mkv");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=" + W + "x" + H + ":rate=25", "-frames:v",
        String.valueOf(FRAMES), "-pix_fmt", "yuv420p", "-c:v", "ffv1", in.toString());
  }

  /** Two faces on a drifting path (so the rectangles move), one half off the right edge. */
  private static FaceDetector twoFaces() {
    int[] call = {0};
    return bgr -> {
      float shift = 3.5f * call[0]++;
      List<DetectedFace> out = new ArrayList<>();
      for (float[] c : new float[][] {{250 + shift, 280, 40}, {740 - shift, 200, 30}}) {
        float e = c[2];
        float cx = c[0];
        float cy = c[1];
        Landmarks5 l = new Landmarks5(new float[] {cx - e, cy - e, cx + e, cy - e, cx, cy, cx - 0.8f * e, cy + e,
            cx + 0.8f * e, cy + e});
        out.add(new DetectedFace(cx - 2 * e, cy - 2 * e, cx + 2 * e, cy + 2 * e, 0.99f, l));
      }
      return out;
    };
  }

  /** Records, per frame, the rectangles the stages before it declared (null: the whole frame). */
  private static final class Recorder implements FrameStage {
    final Map<Long, int[]> rects = new ConcurrentHashMap<>();

    @Override
    public String name() {
      return "record";
    }

    @Override
    public void onFrame(FrameSlot slot) {
      ChangedRegions c = slot.changes();
      if (c.whole()) {
        rects.put(slot.index(), new int[0]);
        return;
      }
      int[] r = new int[4 * c.count()];
      for (int i = 0; i < c.count(); i++) {
        r[4 * i] = c.x(i);
        r[4 * i + 1] = c.y(i);
        r[4 * i + 2] = c.width(i);
        r[4 * i + 3] = c.height(i);
      }
      rects.put(slot.index(), r);
    }
  }

  /** Takes the pixels for writing and changes nothing: the frame must then count as changed whole. */
  private static final class UndeclaredWriter implements FrameStage {
    @Override
    public String name() {
      return "undeclared";
    }

    @Override
    public void onFrame(FrameSlot slot) {
      slot.bgr();
    }
  }

  private byte[] run(String name, boolean undeclared, Recorder recorder) throws IOException {
    FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).parse(false).build();
    FrameFaceRestorer faces = new FrameFaceRestorer(options, null, new InvertingRestorer(), null, null);
    List<FrameStage> stages = new ArrayList<>(
        FaceStages.tracked(faces, twoFaces(), TrackerOptions.defaults(), 2, 0,
            new FaceStages.Workers(1, 1, 1)).stages());
    if (undeclared) {
      stages.add(new UndeclaredWriter());
    }
    stages.add(recorder);
    Path out = dir.resolve(name + ".mkv");
    VideoJob.builder(in.toString(), out.toString()).videoCodec("ffv1").stages(stages).build().run();
    return raw(out);
  }

  private byte[] raw(Path video) throws IOException {
    Path yuv = dir.resolve(video.getFileName() + ".yuv");
    Ffmpeg.run(dir, "-i", video.toString(), "-f", "rawvideo", "-pix_fmt", "yuv420p", yuv.toString());
    byte[] b = Files.readAllBytes(yuv);
    assertEquals(FRAMES * FRAME_BYTES, b.length, "decoded size of " + video.getFileName());
    return b;
  }

  /** Which samples of a yuv420p frame the rectangles cover, widened to whole chroma samples. */
  private static boolean[] covered(int[] rects) {
    boolean[] luma = new boolean[W * H];
    for (int i = 0; i < rects.length; i += 4) {
      for (int y = rects[i + 1] / 2 * 2; y < rects[i + 1] + rects[i + 3]; y++) {
        for (int x = rects[i] / 2 * 2; x < rects[i] + rects[i + 2]; x++) {
          for (int k = 0; k < 4; k++) {
            luma[Math.min(H - 1, y / 2 * 2 + k / 2) * W + Math.min(W - 1, x / 2 * 2 + k % 2)] = true;
          }
        }
      }
    }
    boolean[] out = new boolean[FRAME_BYTES];
    System.arraycopy(luma, 0, out, 0, W * H);
    for (int p = 0; p < 2; p++) {
      for (int y = 0; y < H / 2; y++) {
        for (int x = 0; x < W / 2; x++) {
          out[W * H + p * (W * H / 4) + y * (W / 2) + x] = luma[2 * y * W + 2 * x];
        }
      }
    }
    return out;
  }

  @Test
  void onlyTheDeclaredRectanglesAreConvertedBack() throws IOException {
    Recorder declared = new Recorder();
    Recorder whole = new Recorder();
    byte[] input = raw(in);
    byte[] regions = run("regions", false, declared);
    byte[] full = run("full", true, whole);
    long fullDiffersOutside = 0;
    for (int f = 0; f < FRAMES; f++) {
      int[] rects = declared.rects.get((long) f);
      assertTrue(rects.length >= 8, "frame " + f + ": two rectangles declared, got " + rects.length / 4);
      assertEquals(0, whole.rects.get((long) f).length, "frame " + f + ": the undeclared writer made it whole");
      boolean[] inside = covered(rects);
      int insideCount = 0;
      for (int i = 0; i < FRAME_BYTES; i++) {
        int k = f * FRAME_BYTES + i;
        if (inside[i]) {
          insideCount++;
          assertEquals(full[k], regions[k], "frame " + f + " sample " + i + " inside: the whole-frame path's");
        } else {
          assertEquals(input[k], regions[k], "frame " + f + " sample " + i + " outside: the input's own");
          if (full[k] != input[k]) {
            fullDiffersOutside++;
          }
        }
      }
      assertTrue(insideCount > FRAME_BYTES / 20 && insideCount < FRAME_BYTES / 2, "frame " + f + " covered "
          + insideCount);
    }
    // the whole-frame path round-trips every pixel through BGR, which is not lossless: it was taken
    assertTrue(fullDiffersOutside > FRAMES * 1000L, "whole-frame path differs outside in " + fullDiffersOutside);
    // and the pastes changed the frames
    assertTrue(!java.util.Arrays.equals(input, regions));
  }
}
