/**
 * The Disruptor ring of a video job and its stages: decode publishes pre-allocated
 * {@link io.restorevideo.pipeline.FrameSlot}s, the face stages (track, restore, composite; or aligned faces)
 * run as handlers in order, a convert stage brings each changed frame back to the encoder's format, the
 * encoder writes each slot; backpressure, stage failures and shutdown live here.
 * The per-frame face work itself is {@code restore}'s.
 *
 * <p>Threads: every stage has its own thread and they all run at once, so a job takes one
 * {@link io.restorevideo.pipeline.ThreadBudget} before its networks load: libtorch's intra-op threads are the
 * cores minus one (left to decode, track, composite and encode together), inter-op 1, OpenCV's pool a quarter
 * of the cores; each at least 1. Outside the exact mode (detect every frame, no smoothing) the track stage
 * lets the ring convert decoded frames with the fast swscale path and the composite stage pastes with the
 * float32 compositor; the exact mode keeps the still-image path's pixels.
 *
 * <p>May use {@code restore}, {@code face}, {@code nn}, {@code media}, {@code models} and {@code weights}.
 */
package io.restorevideo.pipeline;
