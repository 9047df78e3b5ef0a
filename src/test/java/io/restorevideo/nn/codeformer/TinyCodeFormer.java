package io.restorevideo.nn.codeformer;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** The codeformer-tiny golden set on the test classpath: checkpoints, input images, comparisons. */
final class TinyCodeFormer {
  static final String DIR = "/golden/codeformer-tiny/";
  /** The tiny config's n_head (config.json); it cannot be read from the checkpoint's shapes. */
  static final int HEADS = 4;

  private TinyCodeFormer() {}

  static Path resource(String name) {
    try {
      return Path.of(TinyCodeFormer.class.getResource(DIR + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + DIR + name, e);
    }
  }

  /** The two inputs as cv2.imread gives them: image 0 aligned, image 1 degraded. */
  static List<Mat> images() {
    return List.of(read("face_aligned.png"), read("face_degraded.png"));
  }

  static Mat read(String name) {
    Mat m = imread(resource(name).toString(), IMREAD_COLOR);
    if (m.empty()) {
      throw new IllegalStateException("cannot read " + name);
    }
    return m;
  }

  /** The network input: the official preprocessing of {@code faces}, batched in order. */
  static NDArray batch(NDManager m, List<Mat> faces) {
    int plane = 3 * 512 * 512;
    float[] data = new float[faces.size() * plane];
    for (int i = 0; i < faces.size(); i++) {
      CodeFormerRestorer.toTensor(faces.get(i), data, i * plane);
    }
    return m.create(data, new Shape(faces.size(), 3, 512, 512));
  }

  static float maxAbsDiff(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    }
    float max = 0;
    for (int i = 0; i < a.length; i++) {
      float d = Math.abs(a[i] - b[i]);
      if (!(d <= max)) {
        max = Float.isNaN(d) ? Float.NaN : d;
        if (Float.isNaN(d)) {
          return d;
        }
      }
    }
    return max;
  }
}
