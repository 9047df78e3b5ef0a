package io.restorevideo.bench;

import ai.djl.ndarray.NDManager;
import io.restorevideo.nn.rrdbnet.RrdbNet;
import io.restorevideo.nn.rrdbnet.TiledUpsampler;
import io.restorevideo.weights.StateDict;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-frame cost of the background upsampler as the video job runs it: {@link TiledUpsampler#enhance} (tile
 * split with padding, network, stitching, 8-bit conversion) on one 16:9 frame of the given short side:
 * untimed warm-ups on the same frame (0 allowed: at 480p on a small CPU one frame takes minutes, and
 * eager PyTorch has little to warm up), then timed runs, on the CPU.
 */
public final class UpsamplerBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(UpsamplerBenchmark.class);

  public record Report(String weights, int scale, int width, int height, int outWidth, int outHeight, int tile,
      int batch, Timings seconds, double peakRssMiB) {}

  private UpsamplerBenchmark() {}

  public static Report run(StateDict weights, int shortSide, int tile, int batch, int warmups, int runs) {
    if (runs < 1 || warmups < 0 || shortSide < 16 || tile < 0 || batch < 1) {
      throw new IllegalArgumentException("need runs >= 1, warm-ups >= 0, a short side >= 16, tile >= 0 and batch >= 1, got "
          + runs + ", " + shortSide + ", " + tile + ", " + batch);
    }
    int h = shortSide;
    int w = (int) Math.round(shortSide * 16.0 / 9.0);
    try (NDManager manager = NDManager.newBaseManager(); Mat frame = DetectorBenchmark.gradient(w, h)) {
      TiledUpsampler up = TiledUpsampler.builder(RrdbNet.load(weights, manager), manager).tile(tile).batch(batch)
          .build();
      for (int i = 0; i < warmups; i++) {
        up.enhance(frame).close();
      }
      int[] out = new int[2];
      double[] s = new double[runs];
      for (int r = 0; r < runs; r++) {
        long t0 = System.nanoTime();
        try (Mat result = up.enhance(frame)) {
          s[r] = (System.nanoTime() - t0) / 1e9;
          out[0] = result.cols();
          out[1] = result.rows();
        }
        LOG.info("upsampler {}x{} run {}: {} s", w, h, r + 1, String.format("%.2f", s[r]));
      }
      return new Report(weights.source(), up.scale(), w, h, out[0], out[1], tile, batch, Timings.of(s),
          PeakMemory.rssMiB());
    }
  }
}
