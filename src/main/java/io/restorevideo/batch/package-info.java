/**
 * Archive jobs: many videos, each cut into segments that are restored apart, recorded in a journal and
 * joined, so that a killed run resumes where it stopped. The units are plain and free of process-global
 * state so that other runners can call them: {@link io.restorevideo.batch.SegmentPlanner}
 * (the plan, pure data), {@link io.restorevideo.batch.Journal} (what is done, per output folder),
 * {@link io.restorevideo.batch.SegmentWorker} (one segment into its part) and
 * {@link io.restorevideo.batch.PartJoin} (the parts and the source's other streams into the output).
 *
 * <p>{@link io.restorevideo.batch.BatchRunner} keeps the plan, the journal, the disk check and the join, and
 * hands the segments ({@link io.restorevideo.batch.SegmentTask}) to a {@link io.restorevideo.batch.SegmentEngine},
 * which reports each one back as it ends ({@link io.restorevideo.batch.SegmentEvents}):
 * {@link io.restorevideo.batch.LocalEngine} runs them on local threads; a cluster engine (the Spark module's)
 * is found at run time through {@link io.restorevideo.batch.ClusterEngines} and rebuilds the job settings on
 * its executors from a {@link io.restorevideo.batch.JobRecipe}. Nothing here knows Spark.
 *
 * <p>Uses {@code io.restorevideo.api} and the types it exposes (frame ranges, the frame index); nothing
 * below it, and nothing of the command line.
 */
package io.restorevideo.batch;
