package io.restorevideo.nn.rrdbnet;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The tiled path against one forward call over the whole image. Tiling changes a pixel only through the
 * zero padding at a tile's inner edges, which reaches at most the receptive-field radius into the tile.
 */
class TiledUpsamplerTest {
  /** Spread between two exact computations that differ only in convolution shapes (measured: ~5e-8). */
  private static final double FLOAT_NOISE = 1e-6;
  /** A 40th of one 8-bit level: the 8-bit output then moves by at most one level at a seam. */
  private static final double SEAM_BOUND = 1.0 / 255 / 40;

  /** The 64x64 golden crop mirrored outwards (OpenCV BORDER_REFLECT) to {@code size} x {@code size}. */
  private static Mat mosaic(int size) {
    Mat crop = imread(TinyRrdb.resource("input_crop.png").toString());
    int before = (size - crop.cols()) / 2;
    int after = size - crop.cols() - before;
    Mat out = new Mat();
    copyMakeBorder(crop, out, before, after, before, after, BORDER_REFLECT);
    return out;
  }

  /**
   * x2 tiny: 32 3x3 convolutions at half resolution (conv_first, 2 RRDBs x 3 RDBs x 5, conv_body) reach
   * 64 input pixels, the unshuffle cell and the four convolutions after upsampling add under 5, so a tile
   * pad of 72 leaves every kept pixel untouched by the tile edges: tiling must then be exact. 320x320 with
   * tile 64 gives 25 tiles whose padded inputs (up to 208x208) are smaller than the image.
   */
  @Test
  void tilesWithPadBeyondTheReceptiveFieldAreExact() {
    try (NDManager m = NDManager.newBaseManager()) {
      RrdbNet net = TinyRrdb.net(2, m);
      NDArray x = BgrImage.toTensor(mosaic(320), m);
      float[] whole = net.forward(x).toFloatArray();
      NDArray tiled = TiledUpsampler.builder(net, m).tile(64).tilePad(72).build().upsample(x);
      assertEquals(new ai.djl.ndarray.types.Shape(1, 3, 640, 640), tiled.getShape());
      double diff = TinyRrdb.maxAbsDiff(whole, tiled.toFloatArray());
      System.out.printf("x2 tile 64 pad 72 on 320x320: max diff %.2e%n", diff);
      assertTrue(diff <= FLOAT_NOISE, "max diff " + diff);
    }
  }

  /**
   * The official small-pad situation: 96x96, tile 32, pad 8 (9 tiles). Output pixels whose input position
   * is at least 4 pixels from an inner seam equal the untiled result to float noise; at the seams the
   * difference stays below {@link #SEAM_BOUND}. (The tiny network's RDBs are initialised x0.1 and its
   * residuals scaled by 0.2, so its trunk reaches far but weakly; the real model's seams are stronger.)
   */
  @Test
  void smallPadDiffersOnlyAtTheSeams() {
    for (int scale : new int[] {2, 4}) {
      try (NDManager m = NDManager.newBaseManager()) {
        RrdbNet net = TinyRrdb.net(scale, m);
        NDArray x = BgrImage.toTensor(mosaic(96), m);
        float[] whole = net.forward(x).toFloatArray();
        float[] tiled = TiledUpsampler.builder(net, m).tile(32).tilePad(8).build().upsample(x).toFloatArray();
        int w = 96 * scale;
        double inside = 0;
        double seam = 0;
        for (int i = 0; i < whole.length; i++) {
          double d = Math.abs((double) whole[i] - tiled[i]);
          int px = i % w;
          int py = (i / w) % w;
          if (distanceToSeam(py, scale) >= 4 && distanceToSeam(px, scale) >= 4) {
            inside = Math.max(inside, d);
          } else {
            seam = Math.max(seam, d);
          }
        }
        System.out.printf("x%d tile 32 pad 8 on 96x96: max diff %.2e away from seams, %.2e within 4 px%n",
            scale, inside, seam);
        assertTrue(inside <= FLOAT_NOISE, "away from seams " + inside);
        assertTrue(seam <= SEAM_BOUND, "at seams " + seam);
      }
    }
  }

  /** Input-pixel distance of output row/column {@code p} from the inner seams at 32 and 64. */
  private static double distanceToSeam(int p, int scale) {
    double in = (p + 0.5) / scale;
    return Math.min(Math.abs(in - 32), Math.abs(in - 64));
  }

  /** The 4 corner tiles of a 96x96 / 32 grid share a size, so batch 4 runs them in one call. */
  @Test
  void batchingTilesDoesNotChangeTheResult() {
    try (NDManager m = NDManager.newBaseManager()) {
      RrdbNet net = TinyRrdb.net(2, m);
      NDArray x = BgrImage.toTensor(mosaic(96), m);
      float[] one = TiledUpsampler.builder(net, m).tile(32).tilePad(8).batch(1).build().upsample(x).toFloatArray();
      float[] four = TiledUpsampler.builder(net, m).tile(32).tilePad(8).batch(4).build().upsample(x).toFloatArray();
      assertTrue(TinyRrdb.maxAbsDiff(one, four) <= FLOAT_NOISE);
    }
  }

  @Test
  void oddSizedImagesAreModPaddedAndCroppedBack() {
    try (NDManager m = NDManager.newBaseManager()) {
      RrdbNet net = TinyRrdb.net(2, m);
      Mat odd = mosaic(96).apply(new org.bytedeco.opencv.opencv_core.Rect(0, 0, 95, 93));
      Mat up = TiledUpsampler.builder(net, m).tile(32).tilePad(8).build().enhance(odd.clone());
      assertEquals(190, up.cols());
      assertEquals(186, up.rows());
    }
  }

  @Test
  void badOptionsAreRefusedInOneLine() {
    try (NDManager m = NDManager.newBaseManager()) {
      RrdbNet net = TinyRrdb.net(2, m);
      IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
          () -> TiledUpsampler.builder(net, m).tile(33).build());
      assertEquals("tile 33 and tile pad 40 must be multiples of 2 for an x2 model (its input is pixel-unshuffled by 2)",
          odd.getMessage());
      IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
          () -> TiledUpsampler.builder(net, m).half(true).build());
      assertTrue(half.getMessage().startsWith("half precision needs a GPU"), half.getMessage());
      assertThrows(IllegalArgumentException.class, () -> TiledUpsampler.builder(net, m).batch(0).build());
    }
  }
}
