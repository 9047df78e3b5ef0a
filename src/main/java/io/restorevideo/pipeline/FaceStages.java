package io.restorevideo.pipeline;

import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.track.FaceTracker;
import io.restorevideo.face.track.TrackerOptions;
import java.util.List;

/**
 * The face stages of a video job, in pipeline order: track -> restore -> composite (DESIGN.md "Data flow"),
 * or the single stage of a video of aligned faces. Each call makes new stages and a {@link FaceStats} they
 * all report to.
 */
public final class FaceStages {
  private final List<FrameStage> stages;
  private final FaceStats stats;

  private FaceStages(List<FrameStage> stages, FaceStats stats) {
    this.stages = stages;
    this.stats = stats;
  }

  /**
   * @param faces the per-frame path, built without a detector (the tracker supplies the faces) and with
   *     the parser and upsampler its options need; the stages only call its steps
   * @param detector what the tracker runs on keyframes, on the prepared (possibly enlarged) frame: the
   *     helper's detection flow ({@code HelperDetection}) for results equal to the still-image path; not closed
   * @param batchSize faces per network call; the restore stage gathers consecutive frames up to it
   */
  public static FaceStages tracked(FrameFaceRestorer faces, FaceDetector detector, TrackerOptions tracking,
      int batchSize) {
    return tracked(faces, detector, tracking, batchSize, 0);
  }

  /**
   * As {@link #tracked(FrameFaceRestorer, FaceDetector, TrackerOptions, int)}, with the restored faces
   * stabilised along their tracks at strength {@code temporal} (0 = off; see {@code TemporalFusion}).
   */
  public static FaceStages tracked(FrameFaceRestorer faces, FaceDetector detector, TrackerOptions tracking,
      int batchSize, double temporal) {
    FaceStats stats = new FaceStats();
    FaceTracker tracker = new FaceTracker(detector, tracking);
    return new FaceStages(List.of(new TrackStage(faces, tracker, stats),
        new RestoreStage(faces, batchSize, temporal, stats),
        new CompositeStage(faces, tracking.smoothing(), tracking.parity(), stats)), stats);
  }

  /** Every frame is an aligned face ({@code --has-aligned}): restored as it is, batched up to {@code batchSize}. */
  public static FaceStages aligned(FaceBatchRestorer restorer, double fidelity, int batchSize) {
    FaceStats stats = new FaceStats();
    return new FaceStages(List.of(new AlignedFaceStage(restorer, fidelity, batchSize, stats)), stats);
  }

  public List<FrameStage> stages() {
    return stages;
  }

  /** The stages' counters; final once the job has run. */
  public FaceStats stats() {
    return stats;
  }
}
