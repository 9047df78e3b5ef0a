/**
 * RRDBNet (Real-ESRGAN x2/x4) and the tiled upsampler of the official RealESRGANer. May use {@code nn},
 * {@code models} and {@code weights}.
 */
package io.restorevideo.nn.rrdbnet;
