package io.restorevideo.nn.codeformer;

/**
 * The mask of {@code inference_inpainting.py}: a pixel is to be filled when its normalised RGB values sum to
 * exactly 3, i.e. it is pure white (255, 255, 255), the colour of the brush the model was trained with. The
 * result is {@code (1 - mask) * input + mask * output}; with a 0/1 mask that is the input itself outside the
 * brush, so every other pixel comes back unchanged.
 */
final class InpaintMask {
  private InpaintMask() {}

  /**
   * Replaces, in {@code output}, every unmasked pixel of the face at {@code offset} by the input's.
   *
   * @param input the network input, (3, H*W) planes in [-1, 1] starting at {@code offset}
   * @param output the network output, same layout; modified
   * @return the number of masked (white) pixels, which keep the network's values
   */
  static int keepUnmasked(float[] input, float[] output, int offset, int plane) {
    int masked = 0;
    for (int p = 0; p < plane; p++) {
      int r = offset + p;
      int g = r + plane;
      int b = g + plane;
      // Summed in float32 in channel order, as torch.sum(input_face[0], dim=0) == 3.
      float sum = input[r] + input[g] + input[b];
      if (sum == 3f) {
        masked++;
      } else {
        output[r] = input[r];
        output[g] = input[g];
        output[b] = input[b];
      }
    }
    return masked;
  }
}
