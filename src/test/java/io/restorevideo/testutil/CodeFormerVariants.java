package io.restorevideo.testutil;

import io.restorevideo.weights.CheckpointReader;
import io.restorevideo.weights.SafetensorsWriter;
import io.restorevideo.weights.StateDict;
import io.restorevideo.weights.TensorData;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small random-weight checkpoints shaped like the official colorization and inpainting networks. The
 * official scripts build them as {@code CodeFormer(dim_embd=512, codebook_size=1024 (colorization) or 512
 * (inpainting), n_head=8, n_layers=9, connect_list=['32', '64', '128'])}: the restoration network without
 * {@code fuse_convs_dict.256} and, for inpainting, with half the codes. Here that change is applied to the
 * key set of the tiny golden CodeFormer (its widths, 4 heads), so the test networks differ from the tiny
 * restoration network exactly as the official ones differ from {@code codeformer.pth}.
 */
public final class CodeFormerVariants {
  /** The official scripts' connect list for both variants. */
  public static final List<String> CONNECT_LIST = List.of("32", "64", "128");
  public static final int COLORIZATION_CODES = 1024;
  public static final int INPAINTING_CODES = 512;
  private static final String TINY = "/golden/codeformer-tiny/weights.pth";

  private CodeFormerVariants() {}

  /** The tiny restoration network's keys and shapes, in file order. */
  public static Map<String, long[]> tinyRestoreShapes() {
    StateDict dict;
    try {
      dict = CheckpointReader.read(Path.of(CodeFormerVariants.class.getResource(TINY).toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    for (String key : dict.keys()) {
      out.put(key, dict.get(key).shape());
    }
    return out;
  }

  /** Key set of a variant: only the connect list's fuse blocks, {@code codes} codebook rows. */
  public static Map<String, long[]> shapes(List<String> connectList, int codes) {
    Map<String, long[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, long[]> e : tinyRestoreShapes().entrySet()) {
      String key = e.getKey();
      long[] shape = e.getValue().clone();
      if (key.startsWith("fuse_convs_dict.")) {
        String size = key.substring("fuse_convs_dict.".length(), key.indexOf('.', "fuse_convs_dict.".length()));
        if (!connectList.contains(size)) {
          continue;
        }
      }
      if (key.equals("quantize.embedding.weight") || key.equals("idx_pred_layer.1.weight")) {
        shape[0] = codes;
      }
      out.put(key, shape);
    }
    return out;
  }

  /**
   * {@code checkpoint} with every {@code fuse_convs_dict} tensor drawn again from {@code seed}: the same
   * network except for its fusion blocks. Returns {@code file}.
   */
  public static Path withOtherFusion(Path checkpoint, Path file, long seed) {
    StateDict base = CheckpointReader.read(checkpoint);
    Map<String, long[]> fuse = new LinkedHashMap<>();
    for (String key : base.keys()) {
      if (key.startsWith("fuse_convs_dict.")) {
        fuse.put(key, base.get(key).shape());
      }
    }
    Path fresh = OfficialKeys.writeRandom(fuse, file.resolveSibling(file.getFileName() + ".fuse"), seed);
    StateDict redrawn = CheckpointReader.read(fresh);
    Map<String, TensorData> out = new LinkedHashMap<>();
    for (String key : base.keys()) {
      out.put(key, redrawn.contains(key) ? redrawn.get(key) : base.get(key));
    }
    SafetensorsWriter.write(file, out);
    return file;
  }

  public static Path colorization(Path file, long seed) {
    return OfficialKeys.writeRandom(shapes(CONNECT_LIST, COLORIZATION_CODES), file, seed);
  }

  public static Path inpainting(Path file, long seed) {
    return OfficialKeys.writeRandom(shapes(CONNECT_LIST, INPAINTING_CODES), file, seed);
  }
}
