package io.restorevideo.nn.rrdbnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.restorevideo.models.Downloader;
import io.restorevideo.models.ModelException;
import io.restorevideo.models.ModelRegistry;
import io.restorevideo.models.ModelResolver;
import io.restorevideo.models.ModelStore;
import io.restorevideo.weights.WeightsException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's realesrgan role: the user's own file, a wrong file, and no file in an offline cache. */
class RealEsrganModelTest {
  @TempDir Path cache;

  private ModelResolver resolver(Map<String, Path> own, List<String> warnings) {
    ModelStore store = new ModelStore(ModelRegistry.load(), cache, null, true, Downloader.defaults(), null);
    return new ModelResolver(store, own, null, warnings::add);
  }

  @Test
  void ownCheckpointLoadsWithOneWarning() {
    List<String> warnings = new ArrayList<>();
    Path own = TinyRrdb.resource("weights_x4.pth");
    try (NDManager m = NDManager.newBaseManager()) {
      RrdbNet net = RealEsrganModel.load(resolver(Map.of("realesrgan", own), warnings), m);
      assertEquals(4, net.scale());
    }
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("using your own weights for realesrgan: "), warnings.get(0));
  }

  @Test
  void checkpointOfAnotherNetworkNamesTheFirstMissingKey() throws URISyntaxException {
    Path codeformer = Path.of(getClass().getResource("/golden/codeformer-tiny/weights.pth").toURI());
    try (NDManager m = NDManager.newBaseManager()) {
      WeightsException e = assertThrows(WeightsException.class,
          () -> RealEsrganModel.load(resolver(Map.of("realesrgan", codeformer), new ArrayList<>()), m));
      assertEquals(codeformer + ": missing key 'conv_first.weight'", e.getMessage());
    }
  }

  @Test
  void offlineWithoutTheFileSaysSo() {
    try (NDManager m = NDManager.newBaseManager()) {
      ModelException e = assertThrows(ModelException.class,
          () -> RealEsrganModel.load(resolver(Map.of(), new ArrayList<>()), m));
      assertTrue(e.getMessage().contains("RealESRGAN_x2plus.pth"), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
  }
}
