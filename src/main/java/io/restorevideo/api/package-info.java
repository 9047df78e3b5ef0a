/**
 * The public library, and the only door for {@code cli}, {@code batch} and the Spark module: verbs that do a
 * whole job ({@link io.restorevideo.api.VideoJob}, {@link io.restorevideo.api.ImageRestorer},
 * {@link io.restorevideo.api.AlignedFaceJob}, {@link io.restorevideo.api.FaceDetection},
 * {@link io.restorevideo.api.FaceRestorer} for a frame stream), the networks they load
 * ({@link io.restorevideo.api.FaceModels} from a {@link io.restorevideo.api.ModelCache}), the settings a user
 * states ({@link io.restorevideo.api.FaceSettings}, {@link io.restorevideo.api.FrameOptions},
 * {@link io.restorevideo.api.Tracking}, {@link io.restorevideo.api.Preset}), their results, and
 * {@link io.restorevideo.api.UserException} for a problem the user can fix.
 *
 * <p>May use {@code pipeline}, {@code restore}, {@code face}, {@code nn}, {@code media}, {@code models} and
 * {@code weights}; never {@code cli}, {@code bench} or {@code batch}. No benchmarks or stand-ins live here.
 */
package io.restorevideo.api;
