package io.restorevideo.spark;

import io.restorevideo.batch.ClusterRequest;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark settings of a batch: the user's {@code --spark-conf} first, then what the batch needs unless the
 * user set it. Executors that are JVMs of their own get the driver's class path (the tool and its native
 * libraries, for executors on this machine or a shared file system) and the system properties that say where
 * the native caches are and that nothing is downloaded; GPU tasks ask for one GPU each.
 */
public final class EngineConf {
  /** The driver's system properties an executor needs to run the tool as the driver does. */
  static final List<String> PASSED_PROPERTIES = List.of("org.bytedeco.javacpp.cachedir", "DJL_CACHE_DIR",
      "ai.djl.offline", "restorevideo.home", "restorevideo.root", "org.bytedeco.javacpp.logger");
  /**
   * The launcher's CPU settings, for executors too (measured on the test cluster: a tiny-network segment took
   * twice the time without them, a third of it in the kernel): idle OpenMP workers sleep instead of spinning
   * on cores the other tasks need, and freed activation buffers are kept for reuse. The driver's own values
   * are passed on when it has them.
   */
  public static final Map<String, String> EXECUTOR_ENV = Map.of("OMP_WAIT_POLICY", "PASSIVE",
      "GLIBC_TUNABLES", "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=68719476736");
  private static final String LOOPBACK = "127.0.0.1";
  private static final String SIMPLE_LOGGER = "org.slf4j.simpleLogger.";

  private EngineConf() {}

  static SparkConf of(ClusterRequest request) {
    SparkConf conf = new SparkConf();
    if (request.master() != null) {
      conf.setMaster(request.master());
    }
    conf.setIfMissing("spark.app.name", "restore-video batch");
    request.conf().forEach(conf::set);
    String master = conf.get("spark.master", "local[*]");
    boolean local = master.startsWith("local");
    if (local) {
      // the driver's JVM is the executor: nothing to pass on, nothing to reach from outside, no web UI
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", LOOPBACK);
      conf.setIfMissing("spark.driver.bindAddress", LOOPBACK);
    } else {
      conf.setIfMissing("spark.executor.extraClassPath", classPath());
      String opts = conf.get("spark.executor.extraJavaOptions", "");
      conf.set("spark.executor.extraJavaOptions", (opts + " " + javaOptions(System.getProperties())).trim());
      EXECUTOR_ENV.forEach((name, fallback) -> {
        String mine = System.getenv(name);
        conf.setIfMissing("spark.executorEnv." + name, mine != null ? mine : fallback);
      });
    }
    if (request.gpu() && !local) {
      // local mode schedules no resources; its tasks share the first GPU
      conf.setIfMissing("spark.task.resource.gpu.amount", "1");
      conf.setIfMissing("spark.executor.resource.gpu.amount", "1");
    }
    return conf;
  }

  /**
   * The driver's class path, and the tool's jar where the class path lacks it (under spark-submit the jar is
   * loaded apart from the class path): on an executor that sees the same files, the jar's manifest brings its
   * libraries (lib/) along.
   */
  static String classPath() {
    String cp = System.getProperty("java.class.path");
    try {
      URL where = EngineConf.class.getProtectionDomain().getCodeSource().getLocation();
      String tool = Path.of(where.toURI()).toString();
      return Arrays.asList(cp.split(File.pathSeparator)).contains(tool) ? cp : tool + File.pathSeparator + cp;
    } catch (URISyntaxException | RuntimeException unknown) {
      return cp;
    }
  }

  /** {@code -Dkey=value} for every property an executor needs that is set here, quoted where needed. */
  static String javaOptions(Map<Object, Object> properties) {
    StringBuilder sb = new StringBuilder();
    properties.forEach((k, v) -> {
      String key = k.toString();
      if (PASSED_PROPERTIES.contains(key) || key.startsWith(SIMPLE_LOGGER)) {
        String opt = "-D" + key + "=" + v;
        sb.append(sb.length() == 0 ? "" : " ").append(opt.contains(" ") ? "\"" + opt + "\"" : opt);
      }
    });
    return sb.toString();
  }
}
