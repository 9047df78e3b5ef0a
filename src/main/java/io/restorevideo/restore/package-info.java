/**
 * The per-frame face restore of the official {@code FaceRestoreHelper}, used by stills
 * ({@code api.ImageRestorer}) and by the video stages alike, as separate steps with value types between them
 * ({@link io.restorevideo.restore.FrameFaceRestorer} runs them in order). Each step of the helper and the class
 * that does it:
 *
 * <ol>
 *   <li>{@code read_image}: {@link io.restorevideo.restore.FrameFaceRestorer#prepare}: a
 *       {@link io.restorevideo.restore.PreparedImage} (small images enlarged by
 *       {@link io.restorevideo.face.detect.InputUpsizer}, gray test by {@link io.restorevideo.face.color.Grayscale}).
 *   <li>{@code get_face_landmarks_5}: {@link io.restorevideo.restore.FrameFaceRestorer#detect} through
 *       {@link io.restorevideo.face.detect.HelperDetection} (resize to 640 by
 *       {@link io.restorevideo.face.detect.DetectionResizer}, RetinaFace by
 *       {@link io.restorevideo.face.detect.RetinaFaceDetector}, centre face and eye distance by
 *       {@link io.restorevideo.face.detect.FaceSelection}).
 *   <li>{@code align_warp_face}: {@link io.restorevideo.restore.FrameFaceRestorer#align} with
 *       {@link io.restorevideo.face.align.FaceAligner} onto {@link io.restorevideo.face.align.FaceTemplate}.
 *   <li>the network ({@code net(cropped_face, w=w, adain=True)}): {@link io.restorevideo.restore.FaceBatch}
 *       over a {@link io.restorevideo.restore.FaceBatchRestorer}, every face of a frame in one call.
 *   <li>{@code add_restored_face}: {@link io.restorevideo.restore.FaceBatch} (a gray input's face made gray
 *       again by {@link io.restorevideo.face.color.Grayscale#restoredFaceForGrayInput}, unless the mode
 *       colorizes), collected by {@link io.restorevideo.restore.FrameFaceRestorer#restore} into
 *       {@link io.restorevideo.restore.RestoredFace}s.
 *   <li>{@code get_inverse_affine}: {@link io.restorevideo.face.paste.PasteAffine}, called by
 *       {@link io.restorevideo.restore.FacePaste}.
 *   <li>{@code paste_faces_to_input_image}: {@link io.restorevideo.restore.FrameFaceRestorer#composite} with
 *       {@link io.restorevideo.restore.FacePaste} and {@link io.restorevideo.face.paste.FaceCompositor} (square
 *       soft mask {@link io.restorevideo.face.paste.SquareSoftMask}, ParseNet mask
 *       {@link io.restorevideo.face.paste.ParseMask}, background upsampled through a
 *       {@link io.restorevideo.restore.BackgroundUpsampler}).
 * </ol>
 *
 * <p>May use {@code face}, {@code nn}, {@code media}, {@code models} and {@code weights}; never {@code pipeline}
 * (the ring is a caller of this room, not a part of it).
 */
package io.restorevideo.restore;
