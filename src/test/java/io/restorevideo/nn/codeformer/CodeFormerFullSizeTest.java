package io.restorevideo.nn.codeformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.restorevideo.nn.Params;
import io.restorevideo.testutil.OfficialKeys;
import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.StateDict;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official network size: a checkpoint with every key and shape of codeformer.pth (random values) loads
 * with nothing missing or left over, gives the official widths, and restores one 512x512 face on the CPU.
 */
class CodeFormerFullSizeTest {
  @TempDir Path dir;

  @Test
  void officialKeySetBuildsTheOfficialNetworkAndRuns() {
    Path file = OfficialKeys.writeRandom("codeformer.pth", dir.resolve("codeformer.safetensors"), 7);
    StateDict dict = CheckpointReader.read(file);
    assertEquals(OfficialKeys.shapes("codeformer.pth").keySet(), dict.keys());
    try (NDManager m = NDManager.newBaseManager()) {
      long t0 = System.nanoTime();
      CodeFormer net = CodeFormer.load(new Params(dict, m), CodeFormerConfig.DEFAULT_HEADS);
      double loadS = (System.nanoTime() - t0) / 1e9;
      assertEquals(CodeFormerConfig.official(), net.config());
      try (NDManager call = m.newSubManager()) {
        var x = TinyCodeFormer.batch(call, List.of(TinyCodeFormer.images().get(1)));
        net.forward(x, 0.5f, true).close(); // warm-up: first calls pick kernels and allocate
        long t1 = System.nanoTime();
        try (CodeFormerOutput out = net.forward(x, 0.5f, true)) {
          double s = (System.nanoTime() - t1) / 1e9;
          System.out.printf(Locale.ROOT, "codeformer full size: load %.1f s, %.2f s per 512x512 face on the CPU "
              + "(batch 1, %d threads)%n", loadS, s, Runtime.getRuntime().availableProcessors());
          assertArrayEquals(new long[] {1, 3, 512, 512}, out.output().getShape().getShape());
          assertArrayEquals(new long[] {1, 256, 1024}, out.logits().getShape().getShape());
          assertTrue(out.output().isInfinite().logicalOr(out.output().isNaN()).none().getBoolean());
          assertTrue(out.output().abs().max().getFloat() > 0, "output is all zeros");
        }
      }
    }
  }
}
