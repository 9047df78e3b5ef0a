package io.restorevideo.pipeline;

import io.restorevideo.face.DetectedFace;
import io.restorevideo.face.detect.FaceDetector;
import io.restorevideo.face.Landmarks5;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A detector that "finds" fixed faces given in the pixels of an image of {@code width x height}. The helper
 * flow shows it a copy resized to short side 640 and divides what it returns by that scale (in float32), so
 * it reports, for each coordinate, the float32 value whose division by the scale gives back the given one
 * exactly (where one exists, else the nearest product); boxes are the landmarks' bounds widened by the eye distance. Counts its calls and records the size
 * of the image it saw.
 */
public final class GoldenDetector implements FaceDetector {
  private final List<Landmarks5> faces;
  private final int width;
  private final int height;
  public int calls;
  public int seenWidth;
  public int seenHeight;

  public GoldenDetector(List<Landmarks5> faces, int width, int height) {
    this.faces = faces;
    this.width = width;
    this.height = height;
  }

  @Override
  public List<DetectedFace> detect(Mat bgr) {
    calls++;
    seenWidth = bgr.cols();
    seenHeight = bgr.rows();
    float s = (float) (640.0 / Math.min(width, height));
    List<DetectedFace> out = new ArrayList<>();
    for (Landmarks5 l : faces) {
      float[] xy = l.toArray();
      float minX = Float.MAX_VALUE;
      float minY = Float.MAX_VALUE;
      float maxX = -Float.MAX_VALUE;
      float maxY = -Float.MAX_VALUE;
      for (int i = 0; i < 5; i++) {
        minX = Math.min(minX, xy[2 * i]);
        maxX = Math.max(maxX, xy[2 * i]);
        minY = Math.min(minY, xy[2 * i + 1]);
        maxY = Math.max(maxY, xy[2 * i + 1]);
      }
      float m = (float) l.eyeDistance();
      float[] scaled = new float[10];
      for (int i = 0; i < 10; i++) {
        scaled[i] = preimage(xy[i], s);
      }
      out.add(new DetectedFace(preimage(minX - m, s), preimage(minY - m, s), preimage(maxX + m, s),
          preimage(maxY + m, s), 0.99f, new Landmarks5(scaled)));
    }
    return out;
  }

  /** A float v with v / s == x in float32 near x * s, or x * s when there is none. */
  private static float preimage(float x, float s) {
    float v = x * s;
    for (int step = 0; step < 64 && v / s != x; step++) {
      v = v / s < x ? Math.nextUp(v) : Math.nextDown(v);
    }
    return v / s == x ? v : x * s;
  }
}
