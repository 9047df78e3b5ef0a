/**
 * ParseNet, the face parsing network of facexlib, whose segmentation becomes the paste mask. May use
 * {@code nn} and {@code weights}.
 */
package io.restorevideo.nn.parsenet;
