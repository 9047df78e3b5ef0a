/**
 * The {@code batch} command: the picocli front end of {@code io.restorevideo.batch} (sources, segments,
 * journal, workers, join) and its progress line. Besides {@code api} and {@code cli.options} it may use
 * {@code batch}, as {@code cli.bench} may use {@code bench}; the rest of cli talks to {@code api} only.
 */
package io.restorevideo.cli.batch;
