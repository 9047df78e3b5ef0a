package io.restorevideo.spark.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test the one {@link StandaloneCluster} of its test JVM: started by the first test that asks, shared by
 * every cluster test class of the run (a cluster takes seconds of two cores to start), stopped when the run
 * ends (JUnit closes what the root store holds), or by the cluster's shutdown hook if the run is cut short.
 * Each test gets it with two ALIVE Workers, whatever the test before it killed.
 */
public final class SharedCluster implements ParameterResolver {
  private static final Namespace NS = Namespace.create(SharedCluster.class);

  /** Holds the cluster in JUnit's root store, which closes it at the end of the run. */
  private record Held(StandaloneCluster cluster) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      cluster.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StandaloneCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    StandaloneCluster cluster = context.getRoot().getStore(NS)
        .getOrComputeIfAbsent("cluster", k -> new Held(StandaloneCluster.start(runFolder())), Held.class).cluster();
    cluster.restoreWorkers();
    return cluster;
  }

  /** A fresh folder under target/spark-cluster for this run's logs, SPARK_HOME and work folders. */
  private static Path runFolder() {
    try {
      Path base = Files.createDirectories(Path.of("target", "spark-cluster").toAbsolutePath());
      return Files.createTempDirectory(base, "run-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the cluster's folder under target/spark-cluster", e);
    }
  }
}
