package io.restorevideo.batch;

import io.restorevideo.api.UserException;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds a cluster engine on the class path (the Spark module registers one as a service), so that nothing
 * that runs the batch needs to know Spark at compile time and the plain tool never loads it.
 */
public final class ClusterEngines {
  /** A provider of cluster engines, registered in {@code META-INF/services}. */
  public interface Provider {
    /** Connects to the cluster; the engine is closed by the caller. */
    SegmentEngine open(ClusterRequest request);
  }

  private static final String NO_SPARK = "--master needs Apache Spark on the class path: run it through "
      + "./restore-video (which adds target/spark-lib) or spark-submit";

  private ClusterEngines() {}

  /** Opens the engine of the first provider found; without one, a one-line {@code UserException}. */
  public static SegmentEngine open(ClusterRequest request) {
    try {
      for (Provider p : ServiceLoader.load(Provider.class, ClusterEngines.class.getClassLoader())) {
        return p.open(request);
      }
    } catch (LinkageError | ServiceConfigurationError e) {
      // the provider is in the tool's jar; Spark's own classes are not on the class path
      throw new UserException(NO_SPARK + " (" + e.getMessage() + " is missing)", e);
    }
    throw new UserException(NO_SPARK);
  }
}
