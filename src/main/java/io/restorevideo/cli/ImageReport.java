package io.restorevideo.cli;

import com.google.gson.GsonBuilder;
import io.restorevideo.api.FolderResult;
import io.restorevideo.api.ImageResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --json} prints for images: per image the files, the output size, the faces restored (box in the
 * input's pixels and raw confidence) and the warnings; for a folder also the images that failed.
 */
final class ImageReport {
  private ImageReport() {}

  static String json(ImageResult r) {
    return gson(image(r));
  }

  static String json(FolderResult folder) {
    Map<String, Object> root = new LinkedHashMap<>();
    List<Map<String, Object>> images = new ArrayList<>();
    folder.results().forEach(r -> images.add(image(r)));
    root.put("images", images);
    List<Map<String, Object>> failed = new ArrayList<>();
    for (FolderResult.Failure f : folder.failures()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("input", f.input().toString());
      m.put("error", f.message());
      failed.add(m);
    }
    root.put("failed", failed);
    return gson(root);
  }

  private static Map<String, Object> image(ImageResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", r.input().toString());
    m.put("output", r.output().toString());
    m.put("width", r.outputWidth());
    m.put("height", r.outputHeight());
    m.put("gray", r.gray());
    List<Map<String, Object>> faces = new ArrayList<>();
    for (ImageResult.Face f : r.faces()) {
      Map<String, Object> face = new LinkedHashMap<>();
      face.put("box", new float[] {f.x1(), f.y1(), f.x2(), f.y2()});
      face.put("score", f.score());
      faces.add(face);
    }
    m.put("faces", faces);
    m.put("warnings", r.warnings());
    return m;
  }

  private static String gson(Object root) {
    return new GsonBuilder().setPrettyPrinting().create().toJson(root);
  }
}
