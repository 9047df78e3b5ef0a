/**
 * The bench wing: benchmarks of the networks, the tracker and the CPU-side pipeline, and the stand-ins they
 * measure with (stand-in faces, a noisy oracle detector, camera paths, random weights, peak memory). Serves the
 * {@code bench} commands in {@code cli.bench}; the library surface in {@code api} does not depend on it.
 *
 * <p>May use {@code pipeline}, {@code restore}, {@code face}, {@code nn}, {@code media}, {@code models} and
 * {@code weights} (and {@code api}, as a caller would); never {@code cli}.
 */
package io.restorevideo.bench;
