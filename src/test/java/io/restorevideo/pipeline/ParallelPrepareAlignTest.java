package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT101;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.restore.FrameFaceRestorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * Several prepare and align workers handle frames at once and the frames still leave in order with the pixels
 * one worker of each gives: the group photo's two faces panning across the frame (sub-pixel steps, so every
 * frame's crops differ), tracked with the defaults (detector on every fifth frame, optical flow and smoothing
 * on the frames between).
 */
class ParallelPrepareAlignTest {
  private static final int FRAMES = 17;

  /** Where the content of frame {@code i} sits relative to the photo: a diagonal pan. */
  private static double dx(int i) {
    return 1.75 * i;
  }

  private static double dy(int i) {
    return 0.5 * i;
  }

  /**
   * Finds the two faces of frame {@code i} where the pan put them; which frame it is looking at it reads from
   * the marker in the frame's corner, since the tracker calls it on keyframes only.
   */
  private static FaceDetector pannedFaces() {
    return bgr -> {
      int i;
      try (UByteIndexer px = bgr.createIndexer()) {
        i = px.get(1, 1, 0) / 8;
      }
      List<DetectedFace> out = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        float[] xy = Fixtures.landmarks(k).toArray();
        for (int p = 0; p < 5; p++) {
          xy[2 * p] += (float) dx(i);
          xy[2 * p + 1] += (float) dy(i);
        }
        Landmarks5 l = new Landmarks5(xy);
        float m = (float) l.eyeDistance();
        out.add(new DetectedFace(l.x(0) - m, l.y(0) - m, l.x(1) + m, l.y(4) + m, 0.99f, l));
      }
      return out;
    };
  }

  /** The photo moved by the pan of frame {@code i}, its corner marked with the frame number. */
  private static Mat frame(Mat photo, int i) {
    Mat out = new Mat();
    try (Mat shift = new Mat(2, 3, CV_64F); DoubleIndexer m = shift.createIndexer();
        Size size = new Size(photo.cols(), photo.rows())) {
      m.put(0, 0, 1, 0, dx(i));
      m.put(1, 0, 0, 1, dy(i));
      warpAffine(photo, out, shift, size, INTER_LINEAR, BORDER_REFLECT101, null);
    }
    try (UByteIndexer px = out.createIndexer()) {
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 3; x++) {
          for (int c = 0; c < 3; c++) {
            px.put(y, x, c, 8 * i);
          }
        }
      }
    }
    return out;
  }

  private static List<byte[]> run(FaceStages.Workers workers, TrackerOptions tracking, FaceStats[] statsOut)
      throws InterruptedException {
    List<byte[]> frames = new ArrayList<>();
    try (Mat photo = Fixtures.image("group.png")) {
      FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).parse(false).build();
      FrameFaceRestorer faces = new FrameFaceRestorer(options, null, new InvertingRestorer(), null, null);
      FaceStages stages = FaceStages.tracked(faces, pannedFaces(), tracking, 2, 0, workers);
      List<FrameStage> list = stages.stages();
      assertEquals(List.of("prepare", "track", "align", "restore", "composite"),
          list.stream().map(FrameStage::name).toList());
      assertEquals(workers.prepare() == 1 ? PrepareStage.class : StageWorkers.class, list.get(0).getClass());
      assertEquals(workers.align() == 1 ? AlignStage.class : StageWorkers.class, list.get(2).getClass());
      try (StreamPipeline pipeline = new StreamPipeline(list, 8,
          (i, t, picture) -> frames.add(Fixtures.bytes(picture)))) {
        for (int i = 0; i < FRAMES; i++) {
          try (Mat frame = frame(photo, i)) {
            pipeline.submit(frame, i / 25.0);
          }
        }
        pipeline.finish();
      }
      statsOut[0] = stages.stats();
    }
    return frames;
  }

  /**
   * Runs the clip with one worker per stage and with {@code parallel}, asserts that both give the same frames
   * bit for bit and in order (consecutive frames differ, so a swap would show), and returns both runs' counters.
   */
  private static FaceStats[] sameFrames(TrackerOptions tracking, FaceStages.Workers parallel)
      throws InterruptedException {
    FaceStats[] one = new FaceStats[1];
    FaceStats[] many = new FaceStats[1];
    List<byte[]> serial = run(new FaceStages.Workers(1, 1, 1), tracking, one);
    List<byte[]> concurrent = run(parallel, tracking, many);
    assertEquals(FRAMES, serial.size());
    assertEquals(FRAMES, concurrent.size());
    for (int i = 0; i < FRAMES; i++) {
      assertArrayEquals(serial.get(i), concurrent.get(i), "frame " + i);
    }
    for (int i = 1; i < FRAMES; i++) {
      assertFalse(Arrays.equals(serial.get(i - 1), serial.get(i)), "frames " + (i - 1) + " and " + i);
    }
    return new FaceStats[] {one[0], many[0]};
  }

  @Test
  void threePrepareAndThreeAlignWorkersGiveTheFramesOfOneInOrder() throws InterruptedException {
    FaceStats[] stats = sameFrames(TrackerOptions.defaults(), new FaceStages.Workers(3, 3, 1));
    for (FaceStats s : stats) {
      // keyframes 0, 5, 10, 15 and the frames carried between them
      assertEquals(4, s.keyframes());
      assertEquals(2, s.tracks(), "both faces keep their track through the pan");
      assertEquals(2L * FRAMES, s.facesRestored());
    }
  }

  /** The parity mode (detector on every frame, precise colour, gray test per frame, exact paste) as well. */
  @Test
  void theParityModeIsTheSameWithThreeWorkers() throws InterruptedException {
    FaceStats[] stats = sameFrames(TrackerOptions.officialParity(), new FaceStages.Workers(3, 3, 3));
    assertEquals(FRAMES, stats[1].keyframes());
    assertEquals(2L * FRAMES, stats[1].facesRestored());
  }
}
