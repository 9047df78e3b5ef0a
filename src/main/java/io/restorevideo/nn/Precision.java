package io.restorevideo.nn;

import ai.djl.ndarray.types.DataType;

/** Arithmetic precision of a network run: fp32 everywhere, or fp16 (GPU only: CPU half kernels are slow or absent). */
public enum Precision {
  FP32(DataType.FLOAT32),
  FP16(DataType.FLOAT16);

  private final DataType dataType;

  Precision(DataType dataType) {
    this.dataType = dataType;
  }

  public DataType dataType() {
    return dataType;
  }
}
