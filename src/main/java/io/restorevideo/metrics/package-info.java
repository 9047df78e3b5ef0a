/**
 * Measuring a restored video against its input: flow warping error (output against the previous output
 * carried by the input's optical flow, beside the input's own figure), flicker of the face regions, PSNR and
 * SSIM against a clean reference, stream checks, and a plot of it all. Needs no network weights: the face
 * regions are where the output differs from the input ({@code DiffRegions}), or, given a face detector, the
 * faces it finds on the output, tracked, with their landmark jitter ({@code DetectedRegions}).
 *
 * <p>May use {@code media} (decoding, packet digests, images) and {@code face} (value types, the detector
 * interface, the jitter meter); nothing above.
 * The {@code api} puts it behind the {@code metrics} verb.
 */
package io.restorevideo.metrics;
