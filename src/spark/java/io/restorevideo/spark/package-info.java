/**
 * The batch on Apache Spark: {@link io.restorevideo.spark.SparkEngineProvider}, registered as a service of
 * {@code io.restorevideo.batch.ClusterEngines}, opens a {@link io.restorevideo.spark.SparkSegmentEngine} for the
 * batch's master URL. The driver plans and journals as the in-process batch does; each segment is a
 * single-partition Spark job, so the driver hears of it the moment it ends and Spark retries it on its own.
 * On the executor, {@link io.restorevideo.spark.RestoreSegment} takes a job template from the JVM's
 * {@link io.restorevideo.spark.TemplatePool} (networks loaded once per executor and task slot, rebuilt from the
 * batch's recipe), writes the part under the attempt's own name and commits it with
 * {@link io.restorevideo.spark.PartCommit}. {@link io.restorevideo.spark.EngineConf} passes executors the class
 * path and system properties the tool needs; {@link io.restorevideo.spark.GpuAddress} maps the GPU Spark
 * assigns to the device the networks use.
 *
 * <p>Compiled only with the {@code spark} Maven profile (on by default); Spark's jars are {@code provided}, so
 * the plain CLI never loads them. Uses batch and api; no room imports this one.
 */
package io.restorevideo.spark;
