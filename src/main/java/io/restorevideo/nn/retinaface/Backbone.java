package io.restorevideo.nn.retinaface;

import ai.djl.ndarray.NDArray;

/** The feature extractor under RetinaFace's FPN: three maps at strides 8, 16 and 32. */
interface Backbone {
  /** {@code IntermediateLayerGetter(...)(x).values()}: the stride 8, 16 and 32 outputs. */
  NDArray[] forward(NDArray x);
}
