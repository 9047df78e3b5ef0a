package io.restorevideo.pipeline;

import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FrameFaceRestorer;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.track.FaceTracker;
import io.restorevideo.face.track.TrackerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The face stages of a video job, in pipeline order: prepare -> track -> align -> restore -> (mask) -> composite
 * (DESIGN.md "Data flow"), or the single stage of a video of aligned faces. Prepare, align and (where the paste
 * allows) composite handle each frame independently of the others, so they run as several
 * {@link StageWorkers} when the {@link ThreadBudget} gives them more than one worker; track and restore see the
 * frames in order. Each call makes new stages and a {@link FaceStats} they all report to.
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
   * stabilised along their tracks at strength {@code temporal} (0 = off; see {@code TemporalFusion}), and the
   * worker counts of the frame-parallel stages from the budget of this machine.
   */
  public static FaceStages tracked(FrameFaceRestorer faces, FaceDetector detector, TrackerOptions tracking,
      int batchSize, double temporal) {
    ThreadBudget budget = ThreadBudget.forThisMachine();
    return tracked(faces, detector, tracking, batchSize, temporal,
        new Workers(budget.prepareWorkers(), budget.alignWorkers(), budget.compositeWorkers()));
  }

  /**
   * How many workers each frame-parallel stage runs as (1: a plain stage): prepare and align always may, the
   * composite only where the paste allows it ({@link CompositeStage#parallel}).
   */
  record Workers(int prepare, int align, int composite) {
    Workers {
      if (prepare < 1 || align < 1 || composite < 1) {
        throw new IllegalArgumentException("at least one worker per stage: " + this);
      }
    }
  }

  static FaceStages tracked(FrameFaceRestorer faces, FaceDetector detector, TrackerOptions tracking,
      int batchSize, double temporal, Workers workers) {
    FaceStats stats = new FaceStats();
    FaceTracker tracker = new FaceTracker(detector, tracking);
    boolean exact = tracking.parity();
    List<FrameStage> stages = new ArrayList<>();
    stages.add(parallel(workers.prepare(), () -> new PrepareStage(faces, exact)));
    stages.add(new TrackStage(tracker, stats));
    stages.add(parallel(workers.align(), () -> new AlignStage(faces)));
    stages.add(new RestoreStage(faces, batchSize, temporal, stats));
    // with face upsampling the masks belong to the upsampled faces, which only the paste step makes
    boolean trackMasks = faces.options().parse() && !faces.options().faceUpsample();
    if (trackMasks) {
      stages.add(new MaskStage(faces, tracking.smoothing()));
    }
    int pasters = CompositeStage.parallel(faces, exact, trackMasks) ? workers.composite() : 1;
    stages.add(parallel(pasters, () -> new CompositeStage(faces, exact, stats)));
    return new FaceStages(List.copyOf(stages), stats);
  }

  /** The stage itself for one worker, else {@code count} instances of it as {@link StageWorkers}. */
  private static FrameStage parallel(int count, Supplier<FrameStage> stage) {
    if (count == 1) {
      return stage.get();
    }
    List<FrameStage> workers = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      workers.add(stage.get());
    }
    return new StageWorkers(workers);
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
