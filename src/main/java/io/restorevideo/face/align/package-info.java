/**
 * Alignment of a face to the 512x512 FFHQ template ({@code align_warp_face}): the 5-point similarity fit and
 * the warp. May use {@code face}.
 */
package io.restorevideo.face.align;
