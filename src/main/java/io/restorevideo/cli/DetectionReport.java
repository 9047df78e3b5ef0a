package io.restorevideo.cli;

import com.google.gson.GsonBuilder;
import io.restorevideo.api.FaceDetection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code detect} prints: per face the box, the raw confidence and the 5 landmarks, as text or JSON. */
final class DetectionReport {
  private static final String[] LANDMARKS = {"left_eye", "right_eye", "nose", "mouth_left", "mouth_right"};

  private DetectionReport() {}

  static String json(String image, FaceDetection.Result found) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("image", image);
    root.put("width", found.width());
    root.put("height", found.height());
    List<Map<String, Object>> list = new ArrayList<>();
    for (FaceDetection.Face f : found.faces()) {
      Map<String, Object> face = new LinkedHashMap<>();
      face.put("box", new float[] {f.x1(), f.y1(), f.x2(), f.y2()});
      face.put("score", f.score());
      Map<String, float[]> marks = new LinkedHashMap<>();
      for (int i = 0; i < LANDMARKS.length; i++) {
        marks.put(LANDMARKS[i], new float[] {f.landmarks()[2 * i], f.landmarks()[2 * i + 1]});
      }
      face.put("landmarks", marks);
      list.add(face);
    }
    root.put("faces", list);
    return new GsonBuilder().setPrettyPrinting().create().toJson(root);
  }

  static String text(String image, FaceDetection.Result found) {
    int width = found.width();
    int height = found.height();
    List<FaceDetection.Face> faces = found.faces();
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s: %dx%d, %d face%s%n", image, width, height,
        faces.size(), faces.size() == 1 ? "" : "s"));
    for (int k = 0; k < faces.size(); k++) {
      FaceDetection.Face f = faces.get(k);
      sb.append(String.format(Locale.ROOT, "face %d: box %.2f %.2f %.2f %.2f score %.5f landmarks", k, f.x1(), f.y1(),
          f.x2(), f.y2(), f.score()));
      for (int i = 0; i < LANDMARKS.length; i++) {
        sb.append(String.format(Locale.ROOT, " %.2f,%.2f", f.landmarks()[2 * i], f.landmarks()[2 * i + 1]));
      }
      sb.append(System.lineSeparator());
    }
    return sb.toString();
  }
}
