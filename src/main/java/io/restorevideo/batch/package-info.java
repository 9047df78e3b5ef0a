/**
 * Archive jobs: many videos, each cut into segments that are restored apart, recorded in a journal and
 * joined, so that a killed run resumes where it stopped. The units are plain and free of process-global
 * state so that other runners (a Spark job) can call them: {@link io.restorevideo.batch.SegmentPlanner}
 * (the plan, pure data), {@link io.restorevideo.batch.Journal} (what is done, per output folder),
 * {@link io.restorevideo.batch.SegmentWorker} (one segment into its part) and
 * {@link io.restorevideo.batch.PartJoin} (the parts and the source's other streams into the output).
 * {@link io.restorevideo.batch.BatchRunner} runs them on local threads.
 *
 * <p>Uses {@code io.restorevideo.api} and the types it exposes (frame ranges, the frame index); nothing
 * below it, and nothing of the command line.
 */
package io.restorevideo.batch;
