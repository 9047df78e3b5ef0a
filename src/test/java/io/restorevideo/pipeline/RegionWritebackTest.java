package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.api.VideoJob;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.restore.FrameFaceRestorer;
import java.io.IOException;
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
    in = LosslessClip.make(dir, W, H, FRAMES);
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

  private byte[] run(String name, boolean undeclared, Recorder recorder) throws IOException {
    FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).parse(false).build();
    FrameFaceRestorer faces = new FrameFaceRestorer(options, null, new InvertingRestorer(), null, null);
    List<FrameStage> stages = new ArrayList<>(
        FaceStages.tracked(faces, DriftingFaces.detector(3.5f, 0), TrackerOptions.defaults(), 2, 0,
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
    return LosslessClip.yuv(dir, video, (long) FRAMES * FRAME_BYTES);
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
