package io.restorevideo.pipeline;

/**
 * A processing step between decoding and encoding (track, restore, composite...). Stages run in the order
 * configured, each on its own thread; a slot reaches the next stage only after this one has released it.
 *
 * <p>Contract, so that batching is natural: the pipeline calls {@link #onFrame} for each slot in order and
 * then {@link #flush} whenever the ring has no further slot ready for this stage (Disruptor's end of batch)
 * and at the end of the stream. A stage may defer work in {@code onFrame} (e.g. gather face crops of
 * consecutive frames into a batch of B, running it early when B is reached), but when {@code flush} returns
 * every slot it has seen must be complete, because those slots are then released downstream. A stage must not
 * keep references to slots after {@code flush}.
 *
 * <p>An exception from either method stops the whole job with this stage's name and message.
 */
public interface FrameStage {
  /** Short name used in timings and error messages. */
  String name();

  /**
   * Handles (or queues) one frame; pixels via {@link FrameSlot#bgr()} (to change them anywhere) or
   * {@link FrameSlot#bgrToRead()} (to read them, declaring any rectangle changed), per-frame data via
   * attachments.
   */
  void onFrame(FrameSlot slot) throws Exception;

  /** Completes every frame queued by {@link #onFrame}; called at each end of batch and at the end of stream. */
  default void flush() throws Exception {}

  /**
   * True when this stage accepts the fast conversion of decoded frames to BGR (see
   * {@code media.FrameConverter}; the encoder's conversion stays precise): the ring's slots then use it
   * whenever any stage accepts it. False by default, so the exact mode keeps the still-image path's pixels.
   */
  default boolean approximateColour() {
    return false;
  }

  /** Called once on the stage's thread after the last frame (also after a failure). */
  default void close() throws Exception {}
}
