/**
 * Checkpoint readers ({@code .pth} zip and legacy pickle, safetensors) and the state dict they produce. Uses no
 * other package of ours.
 */
package io.restorevideo.weights;
