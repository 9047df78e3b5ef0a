package io.restorevideo.api;

import ai.djl.ndarray.NDManager;
import io.restorevideo.face.detect.DetectionDecoder;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.paste.FaceParser;
import io.restorevideo.face.detect.RetinaFaceDetector;
import io.restorevideo.nn.Precision;
import io.restorevideo.nn.codeformer.CodeFormerMode;
import io.restorevideo.nn.codeformer.CodeFormerRestorer;
import io.restorevideo.nn.rrdbnet.RealEsrganModel;
import io.restorevideo.nn.rrdbnet.TiledUpsampler;
import io.restorevideo.restore.BackgroundUpsampler;
import io.restorevideo.restore.FaceBatchRestorer;
import io.restorevideo.restore.FaceMasker;
import io.restorevideo.models.ModelResolver;
import io.restorevideo.models.ModelRole;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The networks of the face path, each loaded on first use from the model resolver (so a job that needs no
 * parse mask never downloads ParseNet) and adapted to the interfaces the per-frame path calls. One instance
 * per job; the networks are not shared between threads beyond what their own classes allow.
 *
 * <p>The CodeFormer mode ({@link Settings#mode()}) picks the checkpoint (role {@code codeformer},
 * {@code codeformer-colorization} or {@code codeformer-inpainting}) and its script's w, AdaIN, inpainting mask
 * and gray handling, so every path that takes its restorer from here (whole frames, aligned faces in images
 * or video) runs the chosen mode.
 */
public final class FaceModels implements AutoCloseable {
  /** Real-ESRGAN tile size in input pixels, the official script's 400 (0 = the whole image at once). */
  public static final int DEFAULT_BG_TILE = TiledUpsampler.DEFAULT_TILE;

  /** Which networks and how they run. */
  public record Settings(String device, Precision precision, int batchSize, int codeformerHeads,
      float detectorThreshold, int bgTile, CodeFormerMode mode) {
    /** Restore mode. */
    public Settings(String device, Precision precision, int batchSize, int codeformerHeads,
        float detectorThreshold, int bgTile) {
      this(device, precision, batchSize, codeformerHeads, detectorThreshold, bgTile, CodeFormerMode.RESTORE);
    }

    public Settings {
      if (mode == null) {
        throw new IllegalArgumentException("a CodeFormer mode is required");
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
      }
      if (bgTile < 0) {
        throw new IllegalArgumentException("background tile size must be >= 0 (0 = whole frame), got " + bgTile);
      }
    }

    /** Official settings on the CPU: fp32, 8 heads, threshold 0.8, Real-ESRGAN tiles of 400. */
    public static Settings defaults() {
      return new Settings("cpu", Precision.FP32, 4, 8, DetectionDecoder.DEFAULT_CONF_THRESHOLD, DEFAULT_BG_TILE);
    }
  }

  private final ModelResolver resolver;
  private final Settings settings;
  private CodeFormerRestorer codeformer;
  private RetinaFaceDetector detector;
  private FaceParser parser;
  private NDManager upsamplerManager;
  private TiledUpsampler upsampler;
  private final Runnable beforeFirstLoad;
  private boolean loadedOne;

  public FaceModels(ModelResolver resolver, Settings settings) {
    this(resolver, settings, () -> {});
  }

  /** The networks of {@code models}'s files; {@code beforeFirstLoad} runs once, just before the first loads. */
  public FaceModels(ModelCache models, Settings settings, Runnable beforeFirstLoad) {
    this(models.resolver(), settings, beforeFirstLoad);
  }

  /** @param beforeFirstLoad runs once, just before the first network loads (e.g. to say which device) */
  public FaceModels(ModelResolver resolver, Settings settings, Runnable beforeFirstLoad) {
    this.resolver = resolver;
    this.settings = settings;
    this.beforeFirstLoad = beforeFirstLoad;
  }

  private void loading() {
    if (!loadedOne) {
      loadedOne = true;
      beforeFirstLoad.run();
    }
  }

  public Settings settings() {
    return settings;
  }

  /**
   * CodeFormer of the settings' mode, splitting each call into network batches of at most {@code batchSize}
   * faces. In colorize and inpaint mode the fidelity passed to it is replaced by the script's constant.
   */
  public synchronized FaceBatchRestorer restorer() {
    CodeFormerMode mode = settings.mode();
    if (codeformer == null) {
      loading();
      codeformer = CodeFormerRestorer.load(resolver.path(mode.role()), settings.device(), settings.precision(),
          settings.codeformerHeads(), mode);
    }
    CodeFormerRestorer net = codeformer;
    return new FaceBatchRestorer() {
      @Override
      public List<Mat> restore(List<Mat> aligned, double w) {
        return inBatches(aligned, part -> net.restore(part, w));
      }

      @Override
      public boolean grayInputStaysGray() {
        return mode.grayInputStaysGray();
      }
    };
  }

  /**
   * Network memory grows with the faces per call (a crowd photo has dozens), so every network of the face path
   * sees at most {@code batchSize} faces at once.
   */
  private List<Mat> inBatches(List<Mat> faces, java.util.function.UnaryOperator<List<Mat>> net) {
    int batch = settings.batchSize();
    int n = faces.size();
    List<Mat> out = new ArrayList<>(n);
    // i + batch would overflow for an unbounded batch (Integer.MAX_VALUE); compare what is left instead
    for (int i = 0; i < n; ) {
      int end = n - i <= batch ? n : i + batch;
      out.addAll(net.apply(faces.subList(i, end)));
      i = end;
    }
    return out;
  }

  /** The raw RetinaFace detector chosen by {@code --detector} (or {@code --weights detector=PATH}). */
  public synchronized FaceDetector detector() {
    if (detector == null) {
      loading();
      detector = RetinaFaceDetector.load(resolver.path(ModelRole.DETECTOR), settings.detectorThreshold(),
          DetectionDecoder.DEFAULT_NMS_THRESHOLD);
    }
    return detector;
  }

  /** ParseNet reduced to the helper's paste mask, in batches of at most {@code batchSize} faces. */
  public synchronized FaceMasker masker() {
    if (parser == null) {
      loading();
      parser = FaceParser.load(resolver.path(ModelRole.PARSENET));
    }
    FaceParser net = parser;
    return faces -> inBatches(faces, net::masks);
  }

  /** Real-ESRGAN, tiled as the official RealESRGANer with {@code bgTile} (0 = no tiling). */
  public synchronized BackgroundUpsampler upsampler() {
    if (upsampler == null) {
      loading();
      upsamplerManager = NDManager.newBaseManager(CodeFormerRestorer.parseDevice(settings.device()));
      TiledUpsampler.Builder b = TiledUpsampler.builder(RealEsrganModel.load(resolver, upsamplerManager),
          upsamplerManager).half(settings.precision() == Precision.FP16);
      upsampler = b.tile(settings.bgTile()).build();
    }
    TiledUpsampler up = upsampler;
    return (bgr, outscale) -> up.enhance(bgr, outscale);
  }

  @Override
  public synchronized void close() {
    if (codeformer != null) {
      codeformer.close();
    }
    if (detector != null) {
      detector.close();
    }
    if (parser != null) {
      parser.close();
    }
    if (upsamplerManager != null) {
      upsamplerManager.close();
    }
  }
}
