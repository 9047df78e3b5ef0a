/**
 * The batch on Apache Spark: the driver plans and journals as the in-process batch does and hands each segment
 * to Spark as a task; executors load the networks once per JVM and write their parts, committed by rename.
 * Compiled only with the {@code spark} Maven profile (on by default); Spark's jars are {@code provided}, so the
 * plain CLI never loads them. Uses batch (and api); nothing below it knows Spark.
 */
package io.restorevideo.spark;
