/**
 * The Disruptor ring of a video job and its stages: decode publishes pre-allocated
 * {@link io.restorevideo.pipeline.FrameSlot}s, the face stages (prepare, track, align, restore, mask,
 * composite; or aligned faces) run as handlers in order, a convert stage brings each changed frame back to the
 * encoder's format, the encoder writes each slot; backpressure, stage failures and shutdown live here.
 * The per-frame face work itself is {@code restore}'s.
 *
 * <p>Threads: every stage has its own thread and they all run at once, so a job takes one
 * {@link io.restorevideo.pipeline.ThreadBudget} before its networks load: libtorch's intra-op threads are the
 * cores minus one (left to the CPU stages together), inter-op 1, OpenCV's pool a quarter of the cores; each at
 * least 1. A stage whose frames do not depend on each other (prepare, align, the fast composite) runs as
 * several {@link io.restorevideo.pipeline.StageWorkers} when the budget gives it more than one worker; track and
 * restore stay one thread each, as they need the frames in order. Outside the exact mode (detect every frame,
 * no smoothing) the prepare stage lets the ring convert decoded frames with the fast swscale path and the
 * composite stage pastes with the float32 compositor; the exact mode keeps the still-image path's pixels.
 *
 * <p>May use {@code restore}, {@code face}, {@code nn}, {@code media}, {@code models} and {@code weights}.
 */
package io.restorevideo.pipeline;
