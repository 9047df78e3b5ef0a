/**
 * The {@code batch} command: the picocli front end of {@code io.restorevideo.batch} (sources, segments,
 * journal, workers, join), its progress line, and {@link io.restorevideo.cli.batch.BatchRecipe}, the batch's
 * own arguments as the recipe a cluster's executors rebuild the job from ({@code --master}; the cluster engine
 * is found at run time, never imported). Besides {@code api} and {@code cli.options} it may use {@code batch},
 * as {@code cli.bench} may use {@code bench}; the rest of cli talks to {@code api} only.
 */
package io.restorevideo.cli.batch;
