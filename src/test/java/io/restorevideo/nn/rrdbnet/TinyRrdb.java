package io.restorevideo.nn.rrdbnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.restorevideo.testutil.Npy;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The rrdbnet-tiny golden set (random-weight basicsr RRDBNet x2/x4 and the official outputs) on the classpath. */
final class TinyRrdb {
  static final String DIR = "/golden/rrdbnet-tiny/";

  private TinyRrdb() {}

  static Path resource(String name) {
    try {
      return Path.of(TinyRrdb.class.getResource(DIR + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test resource " + DIR + name, e);
    }
  }

  static RrdbNet net(int scale, NDManager m) {
    return RrdbNet.load(resource("weights_x" + scale + ".pth"), m);
  }

  static NDArray array(String npy, NDManager m) {
    Npy a = Npy.resource(DIR + npy);
    return m.create(a.floats(), new Shape(a.shape));
  }

  static double maxAbsDiff(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs((double) a[i] - b[i]));
    }
    return max;
  }
}
