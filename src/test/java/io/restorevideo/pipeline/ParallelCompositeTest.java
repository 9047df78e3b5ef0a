package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.restore.FaceMasker;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.restore.FrameFaceRestorer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * Several composite workers paste frames at once and the frames still leave in order with the pixels one
 * worker gives: the group photo with two faces, drifting in brightness frame by frame (so every frame
 * differs), tracked with the defaults (parse masks per track, reused between keyframes and blended at them).
 */
class ParallelCompositeTest {
  private static final int FRAMES = 14;

  /** A mask that depends on the face's pixels, so a mask from the wrong frame or track shows in the output. */
  private static final FaceMasker CONTENT_MASK = faces -> {
    List<Mat> out = new ArrayList<>();
    for (Mat f : faces) {
      Mat m = new Mat();
      try (Mat gray = new Mat()) {
        cvtColor(f, gray, COLOR_BGR2GRAY);
        gray.convertTo(m, CV_64F, 1 / 255.0, 0);
      }
      out.add(m);
    }
    return out;
  };

  private static List<byte[]> run(int workers, FaceStats[] statsOut) throws InterruptedException {
    List<byte[]> frames = new ArrayList<>();
    try (Mat group = Fixtures.image("group.png")) {
      GoldenDetector detector = new GoldenDetector(List.of(Fixtures.landmarks(0), Fixtures.landmarks(1)),
          group.cols(), group.rows());
      FaceRestoreOptions options = FaceRestoreOptions.builder().upscale(1).parse(true).build();
      FrameFaceRestorer faces = new FrameFaceRestorer(options, null, new InvertingRestorer(), CONTENT_MASK, null);
      FaceStages stages = FaceStages.tracked(faces, detector, TrackerOptions.defaults(), 2, 0,
          new FaceStages.Workers(1, 1, workers));
      assertEquals(workers == 1 ? CompositeStage.class : StageWorkers.class,
          stages.stages().get(stages.stages().size() - 1).getClass());
      try (StreamPipeline pipeline = new StreamPipeline(stages.stages(), 8,
          (i, t, picture) -> frames.add(Fixtures.bytes(picture)))) {
        for (int i = 0; i < FRAMES; i++) {
          try (Mat frame = new Mat()) {
            group.convertTo(frame, -1, 1.0, 2.0 * i);
            pipeline.submit(frame, i / 25.0);
          }
        }
        pipeline.finish();
      }
      statsOut[0] = stages.stats();
    }
    return frames;
  }

  @Test
  void threeWorkersGiveTheFramesOfOneInOrder() throws InterruptedException {
    FaceStats[] one = new FaceStats[1];
    FaceStats[] three = new FaceStats[1];
    List<byte[]> serial = run(1, one);
    List<byte[]> parallel = run(3, three);
    assertEquals(FRAMES, serial.size());
    assertEquals(FRAMES, parallel.size());
    for (int i = 0; i < FRAMES; i++) {
      assertArrayEquals(serial.get(i), parallel.get(i), "frame " + i);
    }
    // consecutive frames differ, so an out-of-order frame could not pass the comparison above
    for (int i = 1; i < FRAMES; i++) {
      assertTrue(!java.util.Arrays.equals(serial.get(i - 1), serial.get(i)), "frames " + (i - 1) + " and " + i);
    }
    assertEquals(2L * FRAMES, one[0].facesRestored());
    assertEquals(2L * FRAMES, three[0].facesRestored());
    assertEquals(FRAMES, three[0].framesWithFaces());
  }
}
