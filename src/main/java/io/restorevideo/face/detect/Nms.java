package io.restorevideo.face.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code torchvision.ops.nms} on the CPU: boxes visited by descending score (a stable sort), areas
 * {@code (x2-x1)*(y2-y1)} without +1, IoU {@code inter / (areaA + areaB - inter)} in float32, and a box is
 * suppressed when its IoU with a kept box is strictly greater than the threshold.
 */
public final class Nms {
  private Nms() {}

  /**
   * @param boxes flat (N, 4) x1, y1, x2, y2
   * @return indices of the kept boxes, highest score first
   */
  public static int[] keep(float[] boxes, float[] scores, double iouThreshold) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
    float[] areas = new float[n];
    for (int i = 0; i < n; i++) {
      areas[i] = (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]);
    }
    boolean[] suppressed = new boolean[n];
    List<Integer> keep = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      int i = order[a];
      if (suppressed[i]) {
        continue;
      }
      keep.add(i);
      for (int b = a + 1; b < n; b++) {
        int j = order[b];
        if (suppressed[j]) {
          continue;
        }
        float xx1 = Math.max(boxes[4 * i], boxes[4 * j]);
        float yy1 = Math.max(boxes[4 * i + 1], boxes[4 * j + 1]);
        float xx2 = Math.min(boxes[4 * i + 2], boxes[4 * j + 2]);
        float yy2 = Math.min(boxes[4 * i + 3], boxes[4 * j + 3]);
        float w = Math.max(0f, xx2 - xx1);
        float h = Math.max(0f, yy2 - yy1);
        float inter = w * h;
        float iou = inter / (areas[i] + areas[j] - inter);
        if (iou > iouThreshold) {
          suppressed[j] = true;
        }
      }
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }
}
