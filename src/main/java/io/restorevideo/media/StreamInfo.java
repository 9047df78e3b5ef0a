package io.restorevideo.media;

/**
 * One stream of a media file as probed. Video fields are 0 or null for other types; {@code rotation} is the
 * display-matrix rotation in degrees (counter-clockwise, as FFmpeg reports it).
 */
public record StreamInfo(
    int index,
    String type,
    String codec,
    String language,
    int width,
    int height,
    String pixelFormat,
    int bitDepth,
    double fps,
    boolean variableFrameRate,
    double rotation,
    String colorRange,
    String colorPrimaries,
    String colorTransfer,
    String colorSpace,
    int channels,
    int sampleRate) {}
