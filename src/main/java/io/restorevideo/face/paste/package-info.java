/**
 * Pasting restored faces back ({@code get_inverse_affine}, {@code paste_faces_to_input_image}): inverse
 * matrices, the square soft mask and the ParseNet mask, warps limited to each face's region. May use
 * {@code face}, {@code nn.parsenet} and {@code weights}.
 */
package io.restorevideo.face.paste;
