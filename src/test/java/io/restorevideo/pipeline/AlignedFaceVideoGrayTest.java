package io.restorevideo.pipeline;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restorevideo.restore.PaintingRestorer;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/**
 * A video whose frames are aligned faces follows the gray rule of aligned stills ({@code add_restored_face}'s
 * {@code is_gray}): a gray face comes out gray, a colour face keeps the network's colours, and a colorizing
 * restorer keeps its colours on a gray face.
 */
class AlignedFaceVideoGrayTest {
  private static final byte[] PAINTED =
      {(byte) PaintingRestorer.B, (byte) PaintingRestorer.G, (byte) PaintingRestorer.R};

  /**
   * The centre pixel of each output frame of a 3-frame video of 64x64 faces, {@code left} on the left half and
   * {@code right} on the right (the gray test looks at how the channels differ across pixels).
   */
  private static List<byte[]> run(PaintingRestorer restorer, Scalar left, Scalar right)
      throws InterruptedException {
    List<byte[]> centres = new ArrayList<>();
    FaceStages stages = FaceStages.aligned(restorer, 0.5, 2);
    try (StreamPipeline pipeline = new StreamPipeline(stages.stages(), 4, (i, t, picture) -> {
      byte[] px = new byte[3];
      picture.ptr(picture.rows() / 2, picture.cols() / 2).get(px);
      centres.add(px);
    })) {
      for (int i = 0; i < 3; i++) {
        try (Mat face = new Mat(64, 64, CV_8UC3, left); Rect half = new Rect(32, 0, 32, 64);
            Mat rightHalf = new Mat(face, half)) {
          rightHalf.put(right);
          pipeline.submit(face, i / 25.0);
        }
      }
      pipeline.finish();
    }
    assertEquals(3, centres.size());
    assertEquals(3, stages.stats().facesRestored);
    return centres;
  }

  @Test
  void aGrayAlignedFaceVideoComesOutGray() throws InterruptedException {
    for (byte[] px : run(new PaintingRestorer(true), new Scalar(90, 90, 90, 0), new Scalar(160, 160, 160, 0))) {
      assertEquals(px[0], px[1]);
      assertEquals(px[1], px[2]);
    }
  }

  @Test
  void aColourAlignedFaceVideoKeepsTheNetworksColours() throws InterruptedException {
    for (byte[] px : run(new PaintingRestorer(true), new Scalar(200, 40, 40, 0), new Scalar(40, 40, 200, 0))) {
      assertArrayEquals(PAINTED, px);
    }
  }

  @Test
  void aColorizingRestorerKeepsItsColoursOnAGrayVideo() throws InterruptedException {
    for (byte[] px : run(new PaintingRestorer(false), new Scalar(90, 90, 90, 0), new Scalar(160, 160, 160, 0))) {
      assertArrayEquals(PAINTED, px);
    }
  }
}
