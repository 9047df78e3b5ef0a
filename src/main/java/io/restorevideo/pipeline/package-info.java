/**
 * The Disruptor ring of a video job and its stages: decode publishes pre-allocated
 * {@link io.restorevideo.pipeline.FrameSlot}s, the face stages (track, restore, composite; or aligned faces)
 * run as handlers in order, the encoder writes each slot; backpressure, stage failures and shutdown live here.
 * The per-frame face work itself is {@code restore}'s.
 *
 * <p>May use {@code restore}, {@code face}, {@code nn}, {@code media}, {@code models} and {@code weights}.
 */
package io.restorevideo.pipeline;
