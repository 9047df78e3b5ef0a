/**
 * Following faces through a video: detector on keyframes and scene cuts, optical flow in between, One-Euro
 * smoothing of the landmarks, gap filling, and the jitter measure. May use {@code face} and
 * {@code face.detect}.
 */
package io.restorevideo.face.track;
