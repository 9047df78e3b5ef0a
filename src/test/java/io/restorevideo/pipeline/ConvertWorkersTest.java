package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.media.EncoderSettings;
import io.restorevideo.media.MediaInput;
import io.restorevideo.media.MediaOutput;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.restore.FrameFaceRestorer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three workers converting frames back to the encoder's format give, in order, the frames one gives, on each
 * path of {@link EncoderFormat}: declared rectangles (faces that move, so the rectangles differ per frame),
 * the whole frame, the exact mode, the upscaled output picture, and frames no stage changed. Lossless files in
 * and out (ffv1), decoded and compared byte for byte.
 */
class ConvertWorkersTest {
  private static final int W = 768;
  private static final int H = 576;
  private static final int FRAMES = 9;

  @TempDir Path dir;
  private Path in;

  @BeforeEach
  void clip() {
    in = LosslessClip.make(dir, W, H, FRAMES);
  }

  private List<byte[]> run(String name, int workers, int upscale, TrackerOptions tracking, boolean undeclared)
      throws IOException, InterruptedException {
    FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(upscale).parse(false).build();
    FrameFaceRestorer faces = new FrameFaceRestorer(options, null, new InvertingRestorer(), null, null);
    List<FrameStage> stages = new ArrayList<>(FaceStages.tracked(faces, DriftingFaces.detector(5, 3), tracking,
        2, 0, new FaceStages.Workers(1, 1, 1)).stages());
    if (undeclared) {
      stages.add(new UndeclaredWriter());
    }
    Path out = dir.resolve(name + "-" + workers + ".mkv");
    PipelineResult r;
    try (MediaInput input = MediaInput.open(in.toString());
        MediaOutput output = MediaOutput.open(out.toString(), out.toString(), "matroska", input,
            new EncoderSettings("ffv1", null, null, null, upscale), w -> {})) {
      r = new VideoPipeline(stages, 8, workers).run(input, output, ProgressListener.NONE);
    }
    assertEquals(FRAMES, r.frames());
    assertEquals("convert", r.timings().get(r.timings().size() - 2).name(), "the stage before the encoder");
    return frames(out, W * upscale, H * upscale);
  }

  private List<byte[]> frames(Path video, int width, int height) throws IOException {
    int size = width * height * 3 / 2;
    byte[] b = LosslessClip.yuv(dir, video, (long) FRAMES * size);
    List<byte[]> out = new ArrayList<>();
    for (int f = 0; f < FRAMES; f++) {
      out.add(Arrays.copyOfRange(b, f * size, (f + 1) * size));
    }
    return out;
  }

  /** The frames of 3 workers equal those of 1 in order; consecutive frames differ, so order shows. */
  private List<byte[]> sameWithThreeWorkers(String name, int upscale, TrackerOptions tracking, boolean undeclared)
      throws IOException, InterruptedException {
    List<byte[]> one = run(name, 1, upscale, tracking, undeclared);
    List<byte[]> three = run(name, 3, upscale, tracking, undeclared);
    for (int f = 0; f < FRAMES; f++) {
      assertArrayEquals(one.get(f), three.get(f), name + ": frame " + f);
      if (f > 0) {
        assertFalse(Arrays.equals(one.get(f - 1), one.get(f)), name + ": frames " + (f - 1) + " and " + f);
      }
    }
    return one;
  }

  @Test
  void declaredRectanglesWholeFramesAndUntouchedFrames() throws IOException, InterruptedException {
    List<byte[]> input = frames(in, W, H);
    List<byte[]> regions = sameWithThreeWorkers("regions", 1, TrackerOptions.defaults(), false);
    List<byte[]> whole = sameWithThreeWorkers("whole", 1, TrackerOptions.defaults(), true);
    int untouched = 0;
    for (int f = 0; f < FRAMES; f++) {
      // a frame without a pasted face is the decoded frame itself (ffv1 keeps it bit for bit)
      if (Arrays.equals(input.get(f), regions.get(f))) {
        untouched++;
      }
      assertFalse(Arrays.equals(regions.get(f), whole.get(f)), "frame " + f + ": region and whole paths differ");
    }
    assertTrue(untouched > 0 && untouched < FRAMES, untouched + " of " + FRAMES + " frames untouched");
  }

  @Test
  void exactMode() throws IOException, InterruptedException {
    sameWithThreeWorkers("exact", 1, TrackerOptions.officialParity(), false);
  }

  @Test
  void upscaledOutputPicture() throws IOException, InterruptedException {
    sameWithThreeWorkers("upscaled", 2, TrackerOptions.defaults(), false);
  }

  @Test
  void withoutStagesNoConversionStageIsAdded() throws IOException, InterruptedException {
    List<FrameStage> none = List.of();
    assertSame(none, VideoPipeline.withConversion(none, null, 3));
    Path out = dir.resolve("plain.mkv");
    PipelineResult r;
    try (MediaInput input = MediaInput.open(in.toString());
        MediaOutput output = MediaOutput.open(out.toString(), out.toString(), "matroska", input,
            new EncoderSettings("ffv1", null, null, null), w -> {})) {
      r = new VideoPipeline(none, 8, 3).run(input, output, ProgressListener.NONE);
    }
    assertEquals(List.of("decode", "encode"), r.timings().stream().map(StageTiming::name).toList());
    List<byte[]> input = frames(in, W, H);
    List<byte[]> plain = frames(out, W, H);
    for (int f = 0; f < FRAMES; f++) {
      assertArrayEquals(input.get(f), plain.get(f), "plain transcode: frame " + f);
    }
  }
}
