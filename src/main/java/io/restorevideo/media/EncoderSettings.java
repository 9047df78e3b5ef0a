package io.restorevideo.media;

/**
 * How the video is re-encoded; a null field means "the default for the container and input": codec by
 * container (libvpx-vp9 for webm, mpeg4 for avi, libx264 otherwise, libx265 for input deeper than 8 bits),
 * CRF 18, the encoder's default preset, and the input's pixel format when the encoder accepts it.
 * {@code upscale} multiplies the input's width and height (the stages then hand the encoder frames of that
 * size, see {@code FrameSlot.output}).
 */
public record EncoderSettings(String codec, Integer crf, String preset, String pixelFormat, int upscale) {
  public EncoderSettings {
    if (upscale < 1) {
      throw new IllegalArgumentException("upscale must be at least 1, got " + upscale);
    }
  }

  public EncoderSettings(String codec, Integer crf, String preset, String pixelFormat) {
    this(codec, crf, preset, pixelFormat, 1);
  }

  public static EncoderSettings defaults() {
    return new EncoderSettings(null, null, null, null);
  }
}
