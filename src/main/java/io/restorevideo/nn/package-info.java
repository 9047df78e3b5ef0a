/**
 * DJL building blocks (GroupNorm, convolution and norm helpers, devices, precision) and, in the sub-packages,
 * the networks ported from the official code, each loading its official state dict by key name:
 * {@code codeformer}, {@code retinaface}, {@code parsenet}, {@code rrdbnet} (Real-ESRGAN). May use
 * {@code weights} (and {@code models} to find a checkpoint); knows nothing of faces.
 */
package io.restorevideo.nn;
