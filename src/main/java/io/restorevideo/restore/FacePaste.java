package io.restorevideo.restore;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.restorevideo.face.AffineMatrix;
import io.restorevideo.face.paste.FaceCompositor;
import io.restorevideo.face.paste.FastFaceCompositor;
import io.restorevideo.face.paste.PasteAffine;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The composite step, {@code get_inverse_affine} + {@code paste_faces_to_input_image}: the background (the
 * input resized by the upscale, or the upsampler's output of the original image resized to that size), each
 * restored face optionally upsampled too, its crop-to-output matrix ({@link PasteAffine}), the parse mask
 * (computed on the face as pasted, resized to 512 as the helper does, unless the caller supplies masks) and
 * the blend ({@link FaceCompositor}).
 */
final class FacePaste {
  /** The parse network's input size ({@code cv2.resize(restored_face, (512, 512))} in the helper). */
  private static final int PARSE_SIZE = 512;

  private final FaceRestoreOptions options;
  private final FaceMasker masker;
  private final BackgroundUpsampler upsampler;
  private final FaceCompositor compositor;

  FacePaste(FaceRestoreOptions options, FaceMasker masker, BackgroundUpsampler upsampler) {
    this.options = options;
    this.masker = masker;
    this.upsampler = upsampler;
    this.compositor = new FaceCompositor(options.upscale(), options.drawBox());
  }

  /**
   * Whether {@link #paste} calls a network (the upsampler, or the masker when no masks are given): such a
   * paste must stay on one thread; a paste of plain pixel work may run on several frames at once.
   */
  boolean callsNetworks(boolean masksGiven) {
    return upsampler != null || (options.parse() && !masksGiven);
  }

  /**
   * @param masks parse masks per face (CV_64FC1 in [0, 1], any size; not closed here), or null to compute
   *     them with the masker when parse masks are on
   * @param fast the float32 compositor to blend with, or null for the exact (helper-faithful) blend
   * @return the new output image, {@code input * upscale} in size
   */
  Mat paste(PreparedImage image, List<RestoredFace> faces, List<Mat> masks, FastFaceCompositor fast) {
    return paste(image, faces, masks, fast, false);
  }

  /**
   * @param overInput paste into {@code image.input()} itself when the background would be a same-size copy of
   *     it (upscale 1, no upsampled background): a video frame that nobody reads afterwards is then not copied
   */
  Mat paste(PreparedImage image, List<RestoredFace> faces, List<Mat> masks, FastFaceCompositor fast,
      boolean overInput) {
    if (masks != null && masks.size() != faces.size()) {
      throw new IllegalArgumentException(masks.size() + " parse masks for " + faces.size() + " faces");
    }
    boolean backgroundIsInput = options.upscale() == 1 && (upsampler == null || !options.upsampleBackground());
    Mat canvas = overInput && backgroundIsInput ? new Mat(image.input()) : background(image);
    List<Mat> owned = new ArrayList<>();
    try {
      List<Mat> pasteFaces = new ArrayList<>(faces.size());
      List<AffineMatrix> matrices = new ArrayList<>(faces.size());
      boolean upsampleFaces = options.faceUpsample() && upsampler != null;
      for (RestoredFace f : faces) {
        if (upsampleFaces) {
          Mat big = upsampledFace(f.restored());
          owned.add(big);
          pasteFaces.add(big);
          matrices.add(PasteAffine.forUpsampledFace(f.aligned().affine(), options.upscale()));
        } else {
          pasteFaces.add(f.restored());
          matrices.add(PasteAffine.forPaste(f.aligned().affine(), options.upscale()));
        }
      }
      List<Mat> parse = masks;
      if (parse == null && options.parse() && !faces.isEmpty()) {
        parse = parseMasks(pasteFaces);
        owned.addAll(parse);
      }
      List<FaceCompositor.Face> toPaste = new ArrayList<>(faces.size());
      for (int i = 0; i < faces.size(); i++) {
        toPaste.add(new FaceCompositor.Face(pasteFaces.get(i), matrices.get(i), parse == null ? null : parse.get(i)));
      }
      if (fast == null) {
        compositor.paste(canvas, toPaste);
      } else {
        fast.paste(canvas, toPaste);
      }
      return canvas;
    } catch (RuntimeException e) {
      canvas.close();
      throw e;
    } finally {
      owned.forEach(Mat::close);
    }
  }

  /**
   * Parse masks of faces as they are pasted (restored crops, or their upsampled versions), each resized to
   * 512 for the masker when it is another size. The caller closes the masks.
   */
  List<Mat> parseMasks(List<Mat> faces) {
    List<Mat> inputs = new ArrayList<>(faces.size());
    List<Mat> resized = new ArrayList<>();
    try {
      for (Mat face : faces) {
        if (face.cols() == PARSE_SIZE && face.rows() == PARSE_SIZE) {
          inputs.add(face);
        } else {
          Mat sized = new Mat();
          resized.add(sized);
          try (Size size = new Size(PARSE_SIZE, PARSE_SIZE)) {
            resize(face, sized, size, 0, 0, INTER_LINEAR);
          }
          inputs.add(sized);
        }
      }
      List<Mat> out = masker.masks(inputs);
      if (out == null || out.size() != inputs.size()) {
        throw new IllegalStateException("the face masker returned " + (out == null ? 0 : out.size())
            + " masks for " + inputs.size() + " faces");
      }
      return out;
    } finally {
      resized.forEach(Mat::close);
    }
  }

  private Mat background(PreparedImage image) {
    if (upsampler == null || !options.upsampleBackground()) {
      return FaceCompositor.background(image.input(), options.upscale());
    }
    try (Mat up = upsampler.upsample(image.original(), options.upscale())) {
      return FaceCompositor.background(image.input(), options.upscale(), up);
    }
  }

  /** The face upsampled by the upscale, at exactly {@code upscale} times the crop (RealESRGANer's outscale). */
  private Mat upsampledFace(Mat restored) {
    Mat up = upsampler.upsample(restored, options.upscale());
    int w = restored.cols() * options.upscale();
    int h = restored.rows() * options.upscale();
    if (up.cols() == w && up.rows() == h) {
      return up;
    }
    try (up; Size size = new Size(w, h)) {
      Mat exact = new Mat();
      resize(up, exact, size, 0, 0, INTER_LANCZOS4);
      return exact;
    }
  }
}
