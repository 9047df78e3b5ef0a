package io.restorevideo.batch;

import java.util.Map;

/**
 * What the batch asks of a cluster engine: the master URL (null: the one the launcher already set, as
 * spark-submit does), the user's engine settings ({@code --spark-conf KEY=VALUE}), the recipe executors build
 * their jobs from, whether each task needs a GPU, and whether to show the engine's own logging.
 */
public record ClusterRequest(String master, Map<String, String> conf, JobRecipe recipe, boolean gpu,
    boolean debug) {
  public ClusterRequest {
    conf = Map.copyOf(conf);
  }
}
