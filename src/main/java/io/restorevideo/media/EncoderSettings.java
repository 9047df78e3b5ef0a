package io.restorevideo.media;

/**
 * How the video is re-encoded; a null field means "the default for the container and input": codec by
 * container (libvpx-vp9 for webm, mpeg4 for avi, libx264 otherwise, libx265 for input deeper than 8 bits),
 * CRF 18, the encoder's default preset, and the input's pixel format when the encoder accepts it.
 */
public record EncoderSettings(String codec, Integer crf, String preset, String pixelFormat) {
  public static EncoderSettings defaults() {
    return new EncoderSettings(null, null, null, null);
  }
}
