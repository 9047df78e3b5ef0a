package io.restorevideo.restore;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.align.AlignedFace;
import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.align.FaceAligner;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.align.FaceTemplate;
import io.restorevideo.face.detect.HelperDetection;
import io.restorevideo.face.paste.FastFaceCompositor;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-frame face path of {@code inference_codeformer.py} as separate steps with value types between them:
 * {@link #prepare} (read_image: upsizing, gray decision) -> {@link #detect} (the helper's detection flow) ->
 * {@link #align} (LMEDS fit and warp, or {@link #alignWith} a matrix the caller already has) -> {@link #restore}
 * (all faces in one network batch, gray handling) -> {@link #composite} (background, inverse affines, parse
 * masks, paste). {@link #process} is their composition, the official whole-image flow.
 *
 * <p>A video stage calls the steps itself: it skips {@code detect} for tracked faces (their
 * {@code TrackedFace.asDetection()} goes to {@code align}, or their reused matrix to {@code alignWith}),
 * gathers crops of several frames into one {@code restore} call, and passes per-track parse masks to
 * {@code composite} between keyframes.
 */
public final class FrameFaceRestorer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FrameFaceRestorer.class);

  private final FaceRestoreOptions options;
  private final HelperDetection detection;
  private final FaceAligner aligner;
  private final FaceBatchRestorer restorer;
  private final FacePaste paste;

  /**
   * @param detector raw detector on the image it is given (RetinaFace), built with
   *     {@link FaceRestoreOptions#detectorThreshold()}; null when the caller supplies faces itself. Closed with this.
   * @param masker the parse mask, required when {@link FaceRestoreOptions#parse()} is on
   * @param upsampler optional: background (and with {@code faceUpsample}, face) super-resolution
   */
  public FrameFaceRestorer(FaceRestoreOptions options, FaceDetector detector, FaceBatchRestorer restorer,
      FaceMasker masker, BackgroundUpsampler upsampler) {
    if (restorer == null) {
      throw new IllegalArgumentException("a face restorer is required");
    }
    if (options.parse() && masker == null) {
      throw new IllegalArgumentException("parse masks are on but no face masker was given");
    }
    this.options = options;
    this.detection = detector == null ? null : new HelperDetection(detector, options.detectionShortSide(),
        options.eyeDistThreshold(), options.onlyCenterFace());
    this.aligner = new FaceAligner(FaceTemplate.ffhq512());
    this.restorer = restorer;
    this.paste = new FacePaste(options, masker, upsampler);
  }

  public FaceRestoreOptions options() {
    return options;
  }

  /**
   * Whether {@link #composite} calls a network (the upsampler; the masker when the caller gives no masks).
   * Without one the composite is pixel work that may run for several frames at once on separate threads.
   */
  public boolean compositeCallsNetworks(boolean masksGiven) {
    return paste.callsNetworks(masksGiven);
  }

  /** read_image on a decoded CV_8UC3 frame (kept open by the caller while the result is used). */
  public PreparedImage prepare(Mat bgr) {
    return PreparedImage.of(bgr, options.grayThreshold());
  }

  /** Faces in {@code image.input()} pixels, after the eye-distance filter and only-center-face. */
  public List<DetectedFace> detect(PreparedImage image) {
    if (detection == null) {
      throw new IllegalStateException("this restorer was built without a detector");
    }
    return detection.detect(image.input());
  }

  /** Each face aligned by its landmarks (align_warp_face), in order. */
  public List<AlignedFace> align(PreparedImage image, List<DetectedFace> faces) {
    List<AlignedFace> out = new ArrayList<>(faces.size());
    for (DetectedFace f : faces) {
      out.add(aligner.align(image.input(), f.landmarks()));
    }
    return out;
  }

  /** Each face warped with a matrix the caller supplies (image-to-crop), e.g. a tracked face's reused one. */
  public List<AlignedFace> alignWith(PreparedImage image, List<DetectedFace> faces,
      List<AffineMatrix> affines) {
    if (faces.size() != affines.size()) {
      throw new IllegalArgumentException(affines.size() + " matrices for " + faces.size() + " faces");
    }
    List<AlignedFace> out = new ArrayList<>(faces.size());
    for (int i = 0; i < faces.size(); i++) {
      out.add(aligner.warp(image.input(), affines.get(i), faces.get(i).landmarks()));
    }
    return out;
  }

  /**
   * All {@code aligned} faces restored in one call of the network. Takes ownership of the aligned crops
   * (they move into the results, which the caller closes).
   *
   * @param gray the image's (or track's) gray decision, see {@link PreparedImage#gray()}
   */
  public List<RestoredFace> restore(List<DetectedFace> faces, List<AlignedFace> aligned, boolean gray) {
    if (faces.size() != aligned.size()) {
      throw new IllegalArgumentException(aligned.size() + " aligned crops for " + faces.size() + " faces");
    }
    List<Mat> restored = FaceBatch.restore(restorer, aligned, options.fidelity(), gray);
    List<RestoredFace> out = new ArrayList<>(faces.size());
    for (int i = 0; i < faces.size(); i++) {
      out.add(new RestoredFace(faces.get(i), aligned.get(i), restored.get(i)));
    }
    return out;
  }

  /** Parse masks of the restored crops (what a video stage computes at a keyframe and reuses per track). */
  public List<Mat> parseMasks(List<RestoredFace> faces) {
    List<Mat> crops = new ArrayList<>(faces.size());
    for (RestoredFace f : faces) {
      crops.add(f.restored());
    }
    return paste.parseMasks(crops);
  }

  /**
   * The output image ({@code input * upscale}) with the faces pasted back.
   *
   * @param masks one parse mask per face (not closed here), or null to let this compute them when parsing is on
   */
  public Mat composite(PreparedImage image, List<RestoredFace> faces, List<Mat> masks) {
    return paste.paste(image, faces, masks, null);
  }

  /**
   * {@link #composite} blended by {@code fast} (float32, masks reused per face geometry; not the helper's
   * exact pixels), for video outside the exact per-frame mode.
   */
  public Mat composite(PreparedImage image, List<RestoredFace> faces, List<Mat> masks, FastFaceCompositor fast) {
    return paste.paste(image, faces, masks, fast);
  }

  /**
   * {@link #composite(PreparedImage, List, List, FastFaceCompositor)} that may paste into {@code image.input()}
   * itself (and so into the frame it shares pixels with), instead of into a copy, when the output is the same
   * size: for a video frame that is encoded next and read by nobody else. The pixels are the same either way.
   */
  public Mat compositeOver(PreparedImage image, List<RestoredFace> faces, List<Mat> masks,
      FastFaceCompositor fast) {
    return paste.paste(image, faces, masks, fast, true);
  }

  /** The official whole-image flow on one decoded image. */
  public FrameResult process(Mat bgr) {
    try (PreparedImage image = prepare(bgr)) {
      List<DetectedFace> found = detect(image);
      LOG.debug("detected {} faces (gray input: {})", found.size(), image.gray());
      List<RestoredFace> restored = restore(found, align(image, found), image.gray());
      try {
        Mat output = composite(image, restored, null);
        return new FrameResult(output, restored, image.gray(), image.scale());
      } catch (RuntimeException e) {
        restored.forEach(RestoredFace::close);
        throw e;
      }
    }
  }

  @Override
  public void close() {
    if (detection != null) {
      detection.close();
    }
  }
}
