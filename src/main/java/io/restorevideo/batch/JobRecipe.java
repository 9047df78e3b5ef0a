package io.restorevideo.batch;

import java.io.Serializable;

/**
 * How to make a batch's {@link JobTemplate} anywhere: a machine that runs segments (a Spark executor) gets the
 * recipe, not the template, and rebuilds the settings and loads the networks itself. Each call makes a new
 * template with networks of its own; callers keep and reuse what they make.
 */
public interface JobRecipe extends Serializable {
  /** A template whose networks run on {@code device} ("cpu", "gpu:N"), or on the batch's own when null. */
  JobTemplate template(String device);
}
