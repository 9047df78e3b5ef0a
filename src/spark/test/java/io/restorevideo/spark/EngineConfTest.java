package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.batch.ClusterRequest;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** The Spark settings a batch asks for, and the user's settings winning over them. */
class EngineConfTest {
  private static SparkConf conf(String master, Map<String, String> user, boolean gpu) {
    return EngineConf.of(new ClusterRequest(master, user, device -> null, gpu, false));
  }

  @Test
  void separateExecutorsGetTheDriversClassPathAndTheToolsProperties() {
    SparkConf c = conf("spark://127.0.0.1:7077", Map.of(), false);
    assertTrue(c.get("spark.executor.extraClassPath").endsWith(System.getProperty("java.class.path")),
        c.get("spark.executor.extraClassPath"));
    assertTrue(c.get("spark.executor.extraClassPath").contains("target/classes"), "the tool's own classes");
    String opts = c.get("spark.executor.extraJavaOptions");
    assertTrue(opts.contains("-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir")),
        opts);
    assertTrue(opts.contains("-Dai.djl.offline=true"), opts);
    assertEquals("spark://127.0.0.1:7077", c.get("spark.master"));
  }

  @Test
  void separateExecutorsGetTheLaunchersCpuSettingsUnlessTheUserSetsThem() {
    SparkConf c = conf("spark://127.0.0.1:7077", Map.of(), false);
    String wait = System.getenv("OMP_WAIT_POLICY");
    assertEquals(wait != null ? wait : "PASSIVE", c.get("spark.executorEnv.OMP_WAIT_POLICY"));
    assertTrue(c.contains("spark.executorEnv.GLIBC_TUNABLES"));
    SparkConf user = conf("spark://127.0.0.1:7077", Map.of("spark.executorEnv.OMP_WAIT_POLICY", "ACTIVE"), false);
    assertEquals("ACTIVE", user.get("spark.executorEnv.OMP_WAIT_POLICY"));
    assertFalse(conf("local[2]", Map.of(), false).contains("spark.executorEnv.OMP_WAIT_POLICY"),
        "local executors are the driver's JVM, which the launcher has set up");
  }

  @Test
  void theUsersSettingsWin() {
    SparkConf c = conf("spark://h:7077", Map.of("spark.executor.extraClassPath", "/opt/rv/*",
        "spark.executor.extraJavaOptions", "-Dfoo=bar", "spark.task.resource.gpu.amount", "0.5"), true);
    assertEquals("/opt/rv/*", c.get("spark.executor.extraClassPath"));
    assertTrue(c.get("spark.executor.extraJavaOptions").startsWith("-Dfoo=bar -D"),
        "the user's options first, the tool's after: " + c.get("spark.executor.extraJavaOptions"));
    assertEquals("0.5", c.get("spark.task.resource.gpu.amount"));
  }

  @Test
  void gpuTasksAskForOneGpuEachOnAClusterAndNothingInLocalMode() {
    SparkConf cluster = conf("spark://h:7077", Map.of(), true);
    assertEquals("1", cluster.get("spark.task.resource.gpu.amount"));
    assertEquals("1", cluster.get("spark.executor.resource.gpu.amount"));
    SparkConf local = conf("local[2]", Map.of(), true);
    assertFalse(local.contains("spark.task.resource.gpu.amount"), "local mode schedules no resources");
    assertFalse(local.contains("spark.executor.extraClassPath"), "local executors are the driver's JVM");
    assertFalse(conf("spark://h:7077", Map.of(), false).contains("spark.task.resource.gpu.amount"));
  }

  @Test
  void propertiesWithSpacesAreQuotedAsOneOption() {
    Properties p = new Properties();
    p.setProperty("restorevideo.home", "/data/my models");
    p.setProperty("user.name", "not passed");
    assertEquals("\"-Drestorevideo.home=/data/my models\"", EngineConf.javaOptions(p));
  }
}
