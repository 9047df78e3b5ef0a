/**
 * The RetinaFace networks (ResNet-50 and MobileNet-0.25 backbones, FPN, SSH, heads) as in facexlib's
 * {@code retinaface.py}. May use {@code nn} and {@code weights}; detection post-processing is
 * {@code face.detect}'s.
 */
package io.restorevideo.nn.retinaface;
