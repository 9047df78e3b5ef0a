package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.spark.cluster.SharedCluster;
import io.restorevideo.spark.cluster.StandaloneCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test cluster itself, with a plain Spark job whose driver is this JVM: its tasks run in executors that the
 * two Worker JVMs start, and when one Worker is lost with its executor (SIGKILL) in the middle of the job,
 * Spark runs that Worker's unfinished tasks again on the other and the job completes.
 */
@ExtendWith(SharedCluster.class)
class StandaloneClusterTest {
  private static final int TASKS = 4;

  @TempDir Path dir;

  /** One task's run: its partition, Spark's attempt number and the pid of the Worker that started its executor. */
  record Run(int partition, int attempt, long worker) {
    static Run of(String s) {
      String[] f = s.split("-");
      return new Run(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]));
    }

    @Override
    public String toString() {
      return partition + "-" + attempt + "-" + worker;
    }
  }

  @Test
  void aLostWorkersTasksRunAgainOnTheOtherAndTheJobCompletes(StandaloneCluster cluster) throws Exception {
    List<StandaloneCluster.Node> nodes = cluster.workers();
    assertEquals(2, nodes.size());
    StandaloneCluster.Node victim = nodes.get(0);
    long survivor = nodes.get(1).jvm().pid();
    String markers = dir.toString();
    SparkConf conf = new SparkConf().setMaster(cluster.masterUrl()).setAppName("cluster-check")
        .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false").set("spark.executor.memory", StandaloneCluster.EXECUTOR_MEMORY)
        .set("spark.executor.cores", "1").set("spark.cores.max", "2")
        .set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      JavaFutureAction<List<String>> job = sc.parallelize(IntStream.range(0, TASKS).boxed().toList(), TASKS)
          .map(p -> {
            // the executor's parent is the Worker JVM that launched it: it names the Worker the task ran on
            String run = new Run(p, TaskContext.get().attemptNumber(),
                ProcessHandle.current().parent().orElseThrow().pid()).toString();
            Files.createFile(Path.of(markers, run + ".started"));
            Thread.sleep(2000);
            Files.createFile(Path.of(markers, run + ".done"));
            return run;
          }).collectAsync();

      // both Workers run tasks; kill the first while one of its tasks is half way
      await(job, () -> runs(".started").stream().map(Run::worker).collect(Collectors.toSet())
          .containsAll(Set.of(victim.jvm().pid(), survivor)), "tasks started on both Workers' executors");
      await(job, () -> unfinishedOn(victim.jvm().pid()) > 0, "a task running on " + victim.name());
      long killedAt = System.nanoTime();
      cluster.kill(victim);
      assertFalse(victim.jvm().isAlive());
      await(job, () -> runs(".started").stream().anyMatch(r -> r.attempt() > 0), "a task's second attempt");
      long rerunMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);

      List<Run> results = job.get(120, TimeUnit.SECONDS).stream().map(Run::of).toList();
      assertEquals(IntStream.range(0, TASKS).boxed().toList(), results.stream().map(Run::partition).toList(),
          "every partition's result, in order");
      Map<Integer, Run> lost = new TreeMap<>();
      for (Run r : runs(".started")) {
        if (r.worker() == victim.jvm().pid() && !Files.exists(Path.of(markers, r + ".done"))) {
          lost.put(r.partition(), r);
        }
      }
      assertFalse(lost.isEmpty(), "some task was cut short by the kill: " + runs(".started"));
      for (int p : lost.keySet()) {
        Run rerun = results.get(p);
        assertTrue(rerun.attempt() > 0 && rerun.worker() == survivor,
            "partition " + p + " lost on " + victim.name() + " and run again on the survivor: " + rerun);
      }
      System.out.printf("cluster: started in %d ms; %d task(s) lost with %s, first rerun %d ms after the kill%n",
          cluster.startTime().toMillis(), lost.size(), victim.name(), rerunMs);
    }
  }

  private int unfinishedOn(long worker) {
    return (int) runs(".started").stream()
        .filter(r -> r.worker() == worker && !Files.exists(dir.resolve(r + ".done"))).count();
  }

  private List<Run> runs(String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix))
          .map(n -> Run.of(n.substring(0, n.length() - suffix.length()))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void await(JavaFutureAction<?> job, java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!condition.getAsBoolean()) {
      assertFalse(job.isDone(), "the job ended before " + what);
      assertTrue(System.nanoTime() < deadline, "waited 120 s for " + what);
      Thread.sleep(50);
    }
  }
}
