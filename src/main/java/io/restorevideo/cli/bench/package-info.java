/**
 * The {@code bench} commands: picocli front ends of the benchmarks in {@code io.restorevideo.bench}. Besides
 * {@code api} and {@code cli.options} they may use {@code bench}, and the network and checkpoint packages the
 * benchmarks are measured on (a benchmark names the exact network it times).
 */
package io.restorevideo.cli.bench;
