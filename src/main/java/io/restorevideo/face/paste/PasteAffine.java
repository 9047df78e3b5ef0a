package io.restorevideo.face.paste;

import io.restorevideo.face.AffineMatrix;

/**
 * The crop-to-output matrices {@code paste_faces_to_input_image} hands to {@code warpAffine}.
 */
public final class PasteAffine {
  private PasteAffine() {}

  /**
   * {@code invertAffineTransform(affine) * upscale}, plus {@code 0.5 * upscale} on the translation when
   * upscale > 1 (the helper's "more precise back alignment" offset; none at upscale 1).
   */
  public static AffineMatrix forPaste(AffineMatrix affine, int upscale) {
    AffineMatrix inv = affine.invert().times(upscale);
    if (upscale > 1) {
      double offset = 0.5 * upscale;
      inv = inv.translated(offset, offset);
    }
    return inv;
  }

  /**
   * The face-upsampler variant: the restored face itself was upsampled by {@code upscale}, so the matrix is
   * {@code invertAffineTransform(affine) * upscale / upscale} with the translation times {@code upscale}
   * (no half-pixel offset), in the helper's order of operations.
   */
  public static AffineMatrix forUpsampledFace(AffineMatrix affine, int upscale) {
    return affine.invert().times(upscale).linearDividedTranslationTimes(upscale);
  }
}
