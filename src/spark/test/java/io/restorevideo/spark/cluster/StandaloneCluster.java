package io.restorevideo.spark.cluster;

import io.restorevideo.spark.EngineConf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Spark standalone cluster on the loopback interface: a Master and two Workers of one core each, every one a
 * JVM of its own started from the test JVM's class path (nothing is downloaded), on ports free at start. Each
 * JVM logs to a file under {@link #dir()}; executors log under their Worker's work folder. Closing it, or the
 * test JVM's end, stops every JVM and the executors under them.
 */
public final class StandaloneCluster implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneCluster.class);
  /** Each Worker offers one core and enough memory for one executor of {@link #EXECUTOR_MEMORY}. */
  public static final String EXECUTOR_MEMORY = "1g";
  private static final String WORKER_MEMORY = "1g";
  private static final Duration READY = Duration.ofSeconds(120);
  private static final String MASTER = "org.apache.spark.deploy.master.Master";
  private static final String WORKER = "org.apache.spark.deploy.worker.Worker";

  /**
   * What ./restore-video sets for the tool (the engine's executor defaults), given to the Workers too: libtorch's
   * idle threads wait without spinning and glibc keeps freed memory (a third of a tiny-network segment's time
   * went to the kernel without it). Neither changes a result.
   */
  public static final Map<String, String> TOOL_ENV = EngineConf.EXECUTOR_ENV;

  /** A Worker JVM and the RPC port the Master knows it by. */
  public record Node(String name, int port, ClusterJvm jvm, Path workDir) {}

  private final Path dir;
  private final Path sparkHome;
  private final Path properties;
  private final int masterPort;
  private final int webUiPort;
  private final List<ClusterJvm> all = new ArrayList<>();
  private final List<Node> workers = new ArrayList<>();
  private final Thread hook = new Thread(this::stopAll, "spark-cluster-stop");
  private ClusterJvm master;
  private Duration startTime;
  private int started;
  private boolean closed;

  private StandaloneCluster(Path dir) {
    this.dir = dir;
    this.sparkHome = SparkHome.make(dir.resolve("spark-home"));
    this.properties = dir.resolve("spark-defaults.conf");
    this.masterPort = freePort();
    this.webUiPort = freePort();
  }

  /** Starts the Master and two Workers under {@code dir} and returns once the Master sees both ALIVE. */
  public static StandaloneCluster start(Path dir) {
    long t0 = System.nanoTime();
    StandaloneCluster c = new StandaloneCluster(dir);
    Runtime.getRuntime().addShutdownHook(c.hook);
    try {
      c.writeProperties();
      c.startMaster();
      c.startWorker();
      c.startWorker();
      c.awaitAlive(2);
    } catch (RuntimeException | Error e) {
      String tails = c.tails();
      c.close();
      throw new IllegalStateException("the test cluster did not start: " + e.getMessage() + "\n" + tails, e);
    }
    c.startTime = Duration.ofNanos(System.nanoTime() - t0);
    LOG.info("Spark test cluster {} up in {} ms (logs in {})", c.masterUrl(), c.startTime.toMillis(), dir);
    return c;
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  public Path dir() {
    return dir;
  }

  /** From the call to {@link #start} to both Workers ALIVE. */
  public Duration startTime() {
    return startTime;
  }

  /** The Workers started and not killed, oldest first. */
  public synchronized List<Node> workers() {
    return List.copyOf(workers);
  }

  /** SIGKILL to a Worker and its executors, as when its machine is lost; the Master is not told. */
  public synchronized void kill(Node worker) {
    LOG.info("SIGKILL to {} (pid {}) and its executors", worker.name(), worker.jvm().pid());
    worker.jvm().kill();
    workers.remove(worker);
  }

  /** Starts Workers until two are running and waits until the Master sees both ALIVE (after a kill). */
  public synchronized void restoreWorkers() {
    while (workers.size() < 2) {
      startWorker();
    }
    awaitAlive(2);
  }

  /** Polls {@code condition} on the Master's status every 100 ms until it holds or {@code timeout} passes. */
  public MasterStatus await(String what, Duration timeout, Predicate<MasterStatus> condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<MasterStatus> last = Optional.empty();
    while (System.nanoTime() < deadline) {
      last = MasterStatus.read(webUiPort);
      if (last.isPresent() && condition.test(last.get())) {
        return last.get();
      }
      dead().ifPresent(d -> {
        throw new IllegalStateException(d.name() + " exited\n" + tails());
      });
      sleep(100);
    }
    throw new IllegalStateException("waited " + timeout.toSeconds() + " s for " + what + "; the Master says: "
        + last.map(MasterStatus::raw).orElse("nothing (its web UI does not answer)") + "\n" + tails());
  }

  /** The tail of each JVM's log and of each executor's stderr, to explain a failure. */
  public synchronized String tails() {
    StringBuilder s = new StringBuilder();
    for (ClusterJvm jvm : all) {
      s.append(jvm.tail(30)).append('\n');
    }
    try (Stream<Path> files = Files.exists(dir) ? Files.walk(dir.resolve("work")) : Stream.empty()) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        s.append("--- executor ").append(dir.relativize(f)).append(" ---\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()).stream()
                .map(ClusterJvm::shortLine).toList())).append('\n');
      }
    } catch (IOException | UncheckedIOException e) {
      s.append("(executor logs unreadable: ").append(e.getMessage()).append(")\n");
    }
    return s.toString();
  }

  /** Stops every JVM of the cluster and the executors under them. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running or has run
    }
  }

  private synchronized void stopAll() {
    if (closed) {
      return;
    }
    closed = true;
    // the Workers first, so that none is left trying to reach a Master that is gone
    List<ClusterJvm> order = new ArrayList<>(all);
    order.remove(master);
    if (master != null) {
      order.add(master);
    }
    for (ClusterJvm jvm : order) {
      if (jvm.isAlive() || jvm.handle().descendants().findAny().isPresent()) {
        jvm.kill();
      }
    }
    LOG.info("Spark test cluster {} stopped", masterUrl());
  }

  private void writeProperties() {
    // no REST submission server (another port), and nothing kept or cleaned behind the test's back
    String conf = String.join("\n", "spark.master.rest.enabled false", "spark.worker.cleanup.enabled false",
        "spark.ui.showConsoleProgress false", "");
    try {
      Files.writeString(properties, conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void startMaster() {
    master = launch("master", MASTER, List.of("--host", "127.0.0.1", "--port", Integer.toString(masterPort),
        "--webui-port", Integer.toString(webUiPort), "--properties-file", properties.toString()));
    // a Worker that finds no Master retries only after several seconds: start them once it answers
    await("the Master's web UI", READY, s -> true);
  }

  private synchronized Node startWorker() {
    started++;
    String name = "worker-" + started;
    int port = freePort();
    Path work = dir.resolve("work").resolve(name);
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ClusterJvm jvm = launch(name, WORKER, List.of(masterUrl(), "--host", "127.0.0.1", "--port",
        Integer.toString(port), "--webui-port", Integer.toString(freePort()), "--cores", "1", "--memory",
        WORKER_MEMORY, "--work-dir", work.toString(), "--properties-file", properties.toString()));
    Node node = new Node(name, port, jvm, work);
    workers.add(node);
    return node;
  }

  private void awaitAlive(int n) {
    List<Integer> ports = workers().stream().map(Node::port).toList();
    await(n + " Workers ALIVE", READY, s -> ports.stream()
        .allMatch(p -> s.worker(p).map(w -> w.state().equals("ALIVE")).orElse(false)));
  }

  private synchronized ClusterJvm launch(String name, String mainClass, List<String> args) {
    Map<String, String> env = new HashMap<>();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", SparkHome.SCALA_VERSION);
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
    env.put("SPARK_MASTER_HOST", "127.0.0.1");
    // executors use this JVM's Java (the launcher takes JAVA_HOME before its own java.home)
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.putAll(TOOL_ENV);
    ClusterJvm jvm = ClusterJvm.start(name, mainClass, args, env, dir.resolve(name + ".log"), dir);
    all.add(jvm);
    return jvm;
  }

  private synchronized Optional<ClusterJvm> dead() {
    if (master != null && !master.isAlive()) {
      return Optional.of(master);
    }
    return workers.stream().map(Node::jvm).filter(j -> !j.isAlive()).findFirst();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on the loopback interface", e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
