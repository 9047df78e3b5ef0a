package io.restorevideo.face.detect;

/**
 * RetinaFace's anchors (facexlib {@code PriorBox}, the same for MobileNet-0.25 and ResNet-50): for strides 8,
 * 16 and 32 with anchor sizes {16, 32}, {64, 128} and {256, 512}, a {@code ceil(H/step) x ceil(W/step)} grid,
 * rows then columns then sizes, each {@code (cx, cy, w, h)} normalised by the image size. Computed in float64
 * and stored in float32, as {@code torch.Tensor(list)}.
 */
public final class PriorBox {
  private static final int[] STEPS = {8, 16, 32};
  private static final int[][] MIN_SIZES = {{16, 32}, {64, 128}, {256, 512}};

  private PriorBox() {}

  /** Number of priors for an input of {@code height x width}. */
  public static int count(int height, int width) {
    int n = 0;
    for (int k = 0; k < STEPS.length; k++) {
      n += cells(height, STEPS[k]) * cells(width, STEPS[k]) * MIN_SIZES[k].length;
    }
    return n;
  }

  /** Priors as a flat (P, 4) array. */
  public static float[] priors(int height, int width) {
    float[] out = new float[4 * count(height, width)];
    int p = 0;
    for (int k = 0; k < STEPS.length; k++) {
      int step = STEPS[k];
      int rows = cells(height, step);
      int cols = cells(width, step);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          for (int minSize : MIN_SIZES[k]) {
            out[p++] = (float) ((j + 0.5) * step / width);
            out[p++] = (float) ((i + 0.5) * step / height);
            out[p++] = (float) ((double) minSize / width);
            out[p++] = (float) ((double) minSize / height);
          }
        }
      }
    }
    return out;
  }

  private static int cells(int size, int step) {
    return (size + step - 1) / step;
  }
}
