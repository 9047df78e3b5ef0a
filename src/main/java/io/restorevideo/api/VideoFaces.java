package io.restorevideo.api;

import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.face.track.TrackerOptions;
import io.restorevideo.restore.BackgroundUpsampler;
import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FaceMasker;
import io.restorevideo.restore.FaceRestoreOptions;
import io.restorevideo.pipeline.FaceStages;
import io.restorevideo.restore.FrameFaceRestorer;

/** The face stages of a video job, made from the real networks of a {@link FaceModels}. */
public final class VideoFaces {
  /** Faces per network call on a GPU when {@code --batch-size auto}. */
  public static final int AUTO_BATCH_GPU = 8;
  /**
   * Faces per network call on the CPU when {@code --batch-size auto}. Measured with {@code bench codeformer}
   * (docs/benchmarks.md): on two cores a batch of 2 costs the same per face as a batch of 1 (2.28 s against
   * 2.23 s with the tiny test network) and a batch of 4 costs more (3.02 s), while each extra face holds
   * another frame in flight and its activations (+730 MB at batch 2 for the tiny network, about 1 GB more at
   * full size); so one face per call.
   */
  public static final int AUTO_BATCH_CPU = 1;

  /**
   * {@code --temporal} when not given, outside the exact per-frame mode. Chosen with {@code metrics} on the
   * degraded test clip (README "Measuring stability", docs/benchmarks.md): see there for the figures.
   */
  public static final double DEFAULT_TEMPORAL = 0.6;

  private VideoFaces() {}

  /**
   * The temporal strength a job runs with: {@code requested} when given, else {@link #DEFAULT_TEMPORAL}, except
   * in the exact per-frame mode ({@code --detect-every 1 --smoothing 0}), which stays the official per-frame
   * result unless a strength is asked for.
   */
  public static double temporal(Double requested, Tracking tracking) {
    return temporal(requested, tracking.toTrackerOptions());
  }

  /** As {@link #temporal(Double, Tracking)}, for the tracker's own settings. */
  public static double temporal(Double requested, TrackerOptions tracking) {
    if (requested != null) {
      if (!(requested >= 0 && requested <= 1)) {
        throw new IllegalArgumentException("--temporal must be in [0, 1], got " + requested);
      }
      return requested;
    }
    return tracking.parity() ? 0 : DEFAULT_TEMPORAL;
  }

  /** The automatic batch size for a device name ({@code cpu}, {@code gpu}, {@code gpu:N}). */
  public static int autoBatchSize(String device) {
    return device != null && device.startsWith("gpu") ? AUTO_BATCH_GPU : AUTO_BATCH_CPU;
  }

  /**
   * Track -> restore -> composite with CodeFormer, the chosen RetinaFace (through the helper's
   * detect-on-640 flow), ParseNet when {@code options.parse()}, Real-ESRGAN as background when asked. The
   * networks load here, so a missing or wrong weights file fails before any output exists.
   */
  public static FaceStages tracked(FaceModels models, FaceRestoreOptions options, TrackerOptions tracking,
      boolean backgroundUpsampler) {
    return tracked(models, options, tracking, backgroundUpsampler, temporal(null, tracking));
  }

  /** As above, with the restored faces stabilised along their tracks at {@code temporal} (0 = off). */
  public static FaceStages tracked(FaceModels models, FaceRestoreOptions options, TrackerOptions tracking,
      boolean backgroundUpsampler, double temporal) {
    try {
      FaceBatchRestorer restorer = models.restorer();
      FaceMasker masker = options.parse() ? models.masker() : null;
      BackgroundUpsampler upsampler = backgroundUpsampler || options.faceUpsample() ? models.upsampler() : null;
      FrameFaceRestorer faces = new FrameFaceRestorer(options, null, restorer, masker, upsampler);
      // not closed here: the raw detector belongs to the models, which close it
      HelperDetection detection = new HelperDetection(models.detector(), options.detectionShortSide(),
          options.eyeDistThreshold(), options.onlyCenterFace());
      return FaceStages.tracked(faces, detection, tracking, models.settings().batchSize(), temporal);
    } catch (UserException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /**
   * The face stages of a restore job: {@link #aligned} when the settings say the frames are aligned faces,
   * else {@link #tracked} with these frame options and tracking.
   */
  public static FaceStages of(FaceModels models, FaceSettings face, FrameOptions frame, Tracking tracking) {
    return of(models, face, frame, tracking, temporal(null, tracking));
  }

  /** As above, with the restored faces stabilised along their tracks at {@code temporal} (0 = off). */
  public static FaceStages of(FaceModels models, FaceSettings face, FrameOptions frame, Tracking tracking,
      double temporal) {
    if (face.hasAligned()) {
      return aligned(models, face.fidelity());
    }
    return tracked(models, frame.restoreOptions(), tracking.toTrackerOptions(),
        frame.background() == FrameOptions.Background.realesrgan, temporal);
  }

  /** A video whose every frame is an aligned face ({@code --has-aligned}). */
  public static FaceStages aligned(FaceModels models, double fidelity) {
    try {
      return FaceStages.aligned(models.restorer(), fidelity, models.settings().batchSize());
    } catch (UserException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
