package io.restorevideo.face.detect;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.Landmarks5;
import java.util.ArrayList;
import java.util.List;

/**
 * RetinaFace's post-processing ({@code RetinaFace.detect_faces}, {@code use_origin_size=True}): variance decode
 * (0.1, 0.2) of boxes and landmarks against the priors, in float32 with torch's order of operations, times the
 * image size; keep {@code score > threshold} (strictly, compared in float32), sort by descending score, NMS.
 * The official detector has no top-k. Landmarks are reported in the official order.
 */
public final class DetectionDecoder {
  /** The official defaults of {@code detect_faces}. */
  public static final float DEFAULT_CONF_THRESHOLD = 0.8f;
  public static final double DEFAULT_NMS_THRESHOLD = 0.4;

  private static final float VARIANCE_XY = 0.1f;
  private static final float VARIANCE_WH = 0.2f;

  private final float confThreshold;
  private final double nmsThreshold;

  public DetectionDecoder() {
    this(DEFAULT_CONF_THRESHOLD, DEFAULT_NMS_THRESHOLD);
  }

  public DetectionDecoder(float confThreshold, double nmsThreshold) {
    this.confThreshold = confThreshold;
    this.nmsThreshold = nmsThreshold;
  }

  /**
   * @param loc (P, 4) raw box regression of one image
   * @param conf (P, 2) softmax scores (background, face)
   * @param landms (P, 10) raw landmark regression
   * @param height the network input's height (priors and pixel scale follow it)
   * @return detections in the input's pixels, highest score first
   */
  public List<DetectedFace> decode(float[] loc, float[] conf, float[] landms, int height, int width) {
    float[] priors = PriorBox.priors(height, width);
    int p = priors.length / 4;
    if (loc.length != 4 * p || conf.length != 2 * p || landms.length != 10 * p) {
      throw new IllegalArgumentException("head outputs do not match the " + p + " priors of a " + width + "x"
          + height + " input: loc " + loc.length + ", conf " + conf.length + ", landms " + landms.length);
    }
    float w = width;
    float h = height;
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < p; i++) {
      if (conf[2 * i + 1] > confThreshold) {
        candidates.add(i);
      }
    }
    // numpy: argsort()[::-1], i.e. ascending stable order reversed (later index first among equal scores)
    candidates.sort((a, b) -> {
      int c = Float.compare(conf[2 * b + 1], conf[2 * a + 1]);
      return c != 0 ? c : Integer.compare(b, a);
    });
    int n = candidates.size();
    float[] boxes = new float[4 * n];
    float[] scores = new float[n];
    float[][] marks = new float[n][];
    for (int c = 0; c < n; c++) {
      int i = candidates.get(c);
      float pcx = priors[4 * i];
      float pcy = priors[4 * i + 1];
      float pw = priors[4 * i + 2];
      float ph = priors[4 * i + 3];
      float cx = pcx + loc[4 * i] * VARIANCE_XY * pw;
      float cy = pcy + loc[4 * i + 1] * VARIANCE_XY * ph;
      float bw = pw * (float) Math.exp(loc[4 * i + 2] * VARIANCE_WH);
      float bh = ph * (float) Math.exp(loc[4 * i + 3] * VARIANCE_WH);
      float x1 = cx - bw / 2;
      float y1 = cy - bh / 2;
      boxes[4 * c] = x1 * w;
      boxes[4 * c + 1] = y1 * h;
      boxes[4 * c + 2] = (bw + x1) * w;
      boxes[4 * c + 3] = (bh + y1) * h;
      scores[c] = conf[2 * i + 1];
      float[] lm = new float[10];
      for (int k = 0; k < 5; k++) {
        lm[2 * k] = (pcx + landms[10 * i + 2 * k] * VARIANCE_XY * pw) * w;
        lm[2 * k + 1] = (pcy + landms[10 * i + 2 * k + 1] * VARIANCE_XY * ph) * h;
      }
      marks[c] = lm;
    }
    List<DetectedFace> out = new ArrayList<>();
    for (int k : Nms.keep(boxes, scores, nmsThreshold)) {
      out.add(new DetectedFace(boxes[4 * k], boxes[4 * k + 1], boxes[4 * k + 2], boxes[4 * k + 3], scores[k],
          new Landmarks5(marks[k])));
    }
    return out;
  }
}
