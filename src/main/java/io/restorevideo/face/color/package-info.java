/**
 * Colour of faces: the helper's grayscale rule ({@code is_gray}) and colour transfer ({@code adain_npy} without
 * its overflow). May use {@code face}.
 */
package io.restorevideo.face.color;
