package io.restorevideo.spark;

import io.restorevideo.batch.ClusterEngines;
import io.restorevideo.batch.ClusterRequest;
import io.restorevideo.batch.SegmentEngine;

/** Registered in {@code META-INF/services}: the batch finds Spark here when Spark is on the class path. */
public final class SparkEngineProvider implements ClusterEngines.Provider {
  @Override
  public SegmentEngine open(ClusterRequest request) {
    return new SparkSegmentEngine(request);
  }
}
