package io.restorevideo.face.paste;

import io.restorevideo.face.MatData;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The helper's soft face mask from ParseNet's segmentation ({@code paste_faces_to_input_image}, "parse mask"):
 * classes mapped through {@code MASK_COLORMAP} (255 for classes 1-13 and 15, 0 for 0, 14 and 16-18: background,
 * neck, cloth, hair and hat in the CelebAMask-HQ order), blurred twice with a 101x101 Gaussian of
 * sigma 11, 10-pixel borders zeroed, divided by 255. All in float64, as numpy does.
 */
public final class ParseMask {
  private static final int[] MASK_COLORMAP =
      {0, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 255, 0, 0, 0};
  private static final int BORDER = 10;

  private ParseMask() {}

  /** Per-pixel argmax over channels of (1, C, H, W) logits; the first maximum wins, as torch.argmax. */
  public static int[] argmax(float[] logits, int channels, int height, int width) {
    int plane = height * width;
    if (logits.length != channels * plane) {
      throw new IllegalArgumentException("logits hold " + logits.length + " values, expected " + channels * plane);
    }
    int[] out = new int[plane];
    for (int p = 0; p < plane; p++) {
      int best = 0;
      float max = logits[p];
      for (int c = 1; c < channels; c++) {
        float v = logits[c * plane + p];
        if (v > max) {
          max = v;
          best = c;
        }
      }
      out[p] = best;
    }
    return out;
  }

  public static Mat fromLogits(float[] logits, int channels, int height, int width) {
    return fromClasses(argmax(logits, channels, height, width), height, width);
  }

  /** The blurred mask (CV_64FC1, values in [0, 1]) for a class map of {@code height x width}. */
  public static Mat fromClasses(int[] classes, int height, int width) {
    if (classes.length != height * width) {
      throw new IllegalArgumentException("class map holds " + classes.length + " values, expected " + height * width);
    }
    double[] colour = new double[classes.length];
    for (int i = 0; i < classes.length; i++) {
      int c = classes[i];
      if (c < 0 || c >= MASK_COLORMAP.length) {
        throw new IllegalArgumentException("class " + c + " outside 0.." + (MASK_COLORMAP.length - 1));
      }
      colour[i] = MASK_COLORMAP[c];
    }
    Mat mask = new Mat(height, width, CV_64FC1);
    MatData.put(mask, colour);
    try (Size k = new Size(101, 101)) {
      GaussianBlur(mask, mask, k, 11);
      GaussianBlur(mask, mask, k, 11);
    }
    double[] v = MatData.doubles(mask);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        boolean border = y < BORDER || y >= height - BORDER || x < BORDER || x >= width - BORDER;
        int i = y * width + x;
        v[i] = border ? 0 : v[i] / 255.;
      }
    }
    MatData.put(mask, v);
    return mask;
  }
}
