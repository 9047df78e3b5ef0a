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

  private VideoFaces() {}

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
    try {
      FaceBatchRestorer restorer = models.restorer();
      FaceMasker masker = options.parse() ? models.masker() : null;
      BackgroundUpsampler upsampler = backgroundUpsampler || options.faceUpsample() ? models.upsampler() : null;
      FrameFaceRestorer faces = new FrameFaceRestorer(options, null, restorer, masker, upsampler);
      // not closed here: the raw detector belongs to the models, which close it
      HelperDetection detection = new HelperDetection(models.detector(), options.detectionShortSide(),
          options.eyeDistThreshold(), options.onlyCenterFace());
      return FaceStages.tracked(faces, detection, tracking, models.settings().batchSize());
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
    if (face.hasAligned()) {
      return aligned(models, face.fidelity());
    }
    return tracked(models, frame.restoreOptions(), tracking.toTrackerOptions(),
        frame.background() == FrameOptions.Background.realesrgan);
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
