package io.restorevideo.pipeline;

import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.track.FaceTracker;
import io.restorevideo.face.track.TrackerOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The face stages of a video job, in pipeline order: track -> restore -> (mask) -> composite (DESIGN.md "Data flow"),
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
    return tracked(faces, detector, tracking, batchSize, temporal,
        ThreadBudget.forThisMachine().compositeWorkers());
  }

  /** As above, with up to {@code compositeWorkers} threads pasting frames at once where the paste allows it. */
  static FaceStages tracked(FrameFaceRestorer faces, FaceDetector detector, TrackerOptions tracking,
      int batchSize, double temporal, int compositeWorkers) {
    FaceStats stats = new FaceStats();
    FaceTracker tracker = new FaceTracker(detector, tracking);
    List<FrameStage> stages = new ArrayList<>();
    stages.add(new TrackStage(faces, tracker, stats));
    stages.add(new RestoreStage(faces, batchSize, temporal, stats));
    // with face upsampling the masks belong to the upsampled faces, which only the paste step makes
    boolean trackMasks = faces.options().parse() && !faces.options().faceUpsample();
    if (trackMasks) {
      stages.add(new MaskStage(faces, tracking.smoothing()));
    }
    boolean exact = tracking.parity();
    int workers = CompositeStage.parallel(faces, exact, trackMasks) ? Math.max(1, compositeWorkers) : 1;
    if (workers == 1) {
      stages.add(new CompositeStage(faces, exact, stats));
    } else {
      List<FrameStage> pasters = new ArrayList<>(workers);
      for (int k = 0; k < workers; k++) {
        pasters.add(new CompositeStage(faces, exact, stats));
      }
      stages.add(new StageWorkers(pasters));
    }
    return new FaceStages(List.copyOf(stages), stats);
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
