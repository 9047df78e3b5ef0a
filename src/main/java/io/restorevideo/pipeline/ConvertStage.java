package io.restorevideo.pipeline;

/**
 * Converts each slot's picture to the encoder's format ({@link EncoderFormat}) before the encoder, which then
 * only encodes: the conversion was the largest single item of a 1080p face job's native profile and depends
 * on no other frame, so it can run as {@link StageWorkers} instead of on the encoder's one thread (issue
 * 18). The result stays in the slot ({@link FrameSlot#encodable}): the decoded frame itself where it has
 * the encoder's layout (so the ring's peak memory stays as it was), else the slot's converted frame.
 */
final class ConvertStage implements FrameStage {
  private final EncoderFormat format;

  ConvertStage(EncoderFormat format) {
    this.format = format;
  }

  @Override
  public String name() {
    return "convert";
  }

  @Override
  public void onFrame(FrameSlot slot) {
    if (!slot.warmup()) {
      slot.encodable = format.frameFor(slot, () -> slot.convertedFrame(format));
    }
  }

  @Override
  public void close() {
    format.close();
  }
}
