/**
 * The geometry of faces, split by concern into {@code detect}, {@code track}, {@code align}, {@code paste} and
 * {@code color}; this package holds the value types they share (detections, landmarks, affine matrices, pixel
 * access helpers).
 *
 * <p>The face rooms may use {@code nn} (RetinaFace and ParseNet are the networks behind detection and the
 * paste mask; nn knows nothing of faces, so the arrow goes one way), {@code models} and {@code weights}; never
 * {@code media}, {@code restore} or anything above.
 */
package io.restorevideo.face;
