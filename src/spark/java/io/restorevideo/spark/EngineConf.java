package io.restorevideo.spark;

import io.restorevideo.batch.ClusterRequest;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Spark settings of a batch: the user's {@code --spark-conf} first, then what the batch needs unless the
 * user set it. Executors that are JVMs of their own get the driver's class path (the tool and its native
 * libraries, for executors on this machine or a shared file system) and the system properties that say where
 * the native caches are and that nothing is downloaded; GPU tasks ask for one GPU each.
 */
final class EngineConf {
  /** The driver's system properties an executor needs to run the tool as the driver does. */
  static final List<String> PASSED_PROPERTIES = List.of("org.bytedeco.javacpp.cachedir", "DJL_CACHE_DIR",
      "ai.djl.offline", "restorevideo.home", "restorevideo.root", "org.bytedeco.javacpp.logger");
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
      // the driver's JVM is the executor: nothing to pass on, and no web UI for a run on one machine
      conf.setIfMissing("spark.ui.enabled", "false");
    } else {
      conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
      String opts = conf.get("spark.executor.extraJavaOptions", "");
      conf.set("spark.executor.extraJavaOptions", (opts + " " + javaOptions(System.getProperties())).trim());
    }
    if (request.gpu() && !local) {
      // local mode schedules no resources; its tasks share the first GPU
      conf.setIfMissing("spark.task.resource.gpu.amount", "1");
      conf.setIfMissing("spark.executor.resource.gpu.amount", "1");
    }
    return conf;
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
