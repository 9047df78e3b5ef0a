package io.restorevideo.pipeline;

import io.restorevideo.restore.FaceBatch;
import io.restorevideo.restore.FaceBatchRestorer;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * {@code --has-aligned} for a video: every frame is one aligned face. Frames are batched up to
 * {@code batchSize}, resized to 512x512 when they are another size (bilinear, as the official script),
 * restored without detection or paste-back through {@link FaceBatch#restoreAligned} (the same restore and gray
 * rule as aligned stills: a gray face stays gray), and written back at the frame's own size.
 */
final class AlignedFaceStage implements FrameStage {
  private static final int FACE_SIZE = 512;

  private final FaceBatchRestorer restorer;
  private final double fidelity;
  private final int batchSize;
  private final FaceStats stats;
  private final List<FrameSlot> pending = new ArrayList<>();

  AlignedFaceStage(FaceBatchRestorer restorer, double fidelity, int batchSize, FaceStats stats) {
    this.restorer = restorer;
    this.fidelity = fidelity;
    this.batchSize = batchSize;
    this.stats = stats;
  }

  @Override
  public String name() {
    return "restore-aligned";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    pending.add(slot);
    if (pending.size() >= batchSize) {
      flush();
    }
  }

  @Override
  public void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<Mat> crops = new ArrayList<>(pending.size());
    List<Mat> owned = new ArrayList<>();
    try {
      for (FrameSlot slot : pending) {
        Mat bgr = slot.bgr();
        crops.add(bgr.cols() == FACE_SIZE && bgr.rows() == FACE_SIZE ? bgr : resized(bgr, FACE_SIZE, FACE_SIZE, owned));
      }
      List<Mat> restored = FaceBatch.restoreAligned(restorer, crops, fidelity);
      owned.addAll(restored);
      for (int i = 0; i < pending.size(); i++) {
        Mat bgr = pending.get(i).bgr();
        Mat face = restored.get(i);
        (face.cols() == bgr.cols() && face.rows() == bgr.rows() ? face : resized(face, bgr.cols(), bgr.rows(), owned))
            .copyTo(bgr);
      }
      stats.facesRestored += pending.size();
      stats.framesWithFaces += pending.size();
      stats.batches += (pending.size() + batchSize - 1) / batchSize;
    } finally {
      owned.forEach(Mat::close);
      pending.clear();
    }
  }

  private static Mat resized(Mat src, int width, int height, List<Mat> owned) {
    Mat out = new Mat();
    owned.add(out);
    try (Size size = new Size(width, height)) {
      resize(src, out, size, 0, 0, INTER_LINEAR);
    }
    return out;
  }
}
