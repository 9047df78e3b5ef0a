package io.restorevideo.face.paste;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Groups paste regions into disjoint clusters: regions whose bounding boxes overlap, directly or through
 * others, share one cluster whose box contains them all. Faces of different clusters cannot affect each other,
 * so each cluster can be blended and rounded on its own; members keep the caller's order.
 */
final class RegionClusters {
  /** Member indices in ascending order and the union of their regions. */
  record Cluster(List<Integer> members, Rect bounds) {}

  private RegionClusters() {}

  /** {@code regions} may hold nulls (faces outside the frame), which join no cluster. */
  static List<Cluster> of(List<Rect> regions) {
    List<List<Integer>> members = new ArrayList<>();
    List<int[]> boxes = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      Rect r = regions.get(i);
      if (r == null) {
        continue;
      }
      List<Integer> m = new ArrayList<>();
      m.add(i);
      members.add(m);
      boxes.add(new int[] {r.x(), r.y(), r.x() + r.width(), r.y() + r.height()});
    }
    boolean merged = true;
    while (merged) {
      merged = false;
      for (int i = 0; i < boxes.size() && !merged; i++) {
        for (int j = i + 1; j < boxes.size() && !merged; j++) {
          int[] a = boxes.get(i);
          int[] b = boxes.get(j);
          if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) {
            boxes.set(i, new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]),
                Math.max(a[3], b[3])});
            members.get(i).addAll(members.get(j));
            members.get(i).sort(null);
            boxes.remove(j);
            members.remove(j);
            merged = true;
          }
        }
      }
    }
    List<Cluster> out = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      int[] b = boxes.get(i);
      out.add(new Cluster(List.copyOf(members.get(i)), new Rect(b[0], b[1], b[2] - b[0], b[3] - b[1])));
    }
    return out;
  }
}
