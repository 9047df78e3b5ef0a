/**
 * Face detection as the official helper does it: RetinaFace's preprocessing, priors, decode and NMS, the
 * helper's resize to 640 and its face filters. May use {@code face}, {@code nn} and {@code weights}.
 */
package io.restorevideo.face.detect;
