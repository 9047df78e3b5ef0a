package io.restorevideo.nn;

import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * The device a network runs on, with {@code auto} resolved: the first GPU when the PyTorch engine sees a
 * CUDA device (a CUDA libtorch, the {@code -Pcuda} build, and a working driver), else the CPU.
 *
 * @param device what the networks get: {@code cpu}, {@code gpu} or {@code gpu:N}
 * @param why one line for the user, saying what was picked and why
 */
public record DeviceChoice(String device, String why) {
  /** Resolves {@code requested} ({@code auto}, {@code cpu}, {@code gpu}, {@code gpu:N}, {@code cuda[:N]}). */
  public static DeviceChoice resolve(String requested) {
    String r = requested.trim().toLowerCase(Locale.ROOT);
    if (!r.equals("auto")) {
      return new DeviceChoice(r, "device " + r + " (as asked)");
    }
    int gpus = Engine.getEngine("PyTorch").getGpuCount();
    if (gpus > 0) {
      return new DeviceChoice("gpu", "device auto: gpu:0 (PyTorch sees " + gpus + " CUDA device"
          + (gpus > 1 ? "s" : "") + ")");
    }
    return new DeviceChoice("cpu", "device auto: cpu (PyTorch sees no CUDA device; GPU runs need the -Pcuda "
        + "build and an NVIDIA driver)");
  }

  public boolean isGpu() {
    return !device.equals("cpu");
  }

  /** Refuses fp16 where it cannot run: CPU half-precision kernels are slow or missing. */
  public void check(Precision precision) {
    if (precision == Precision.FP16 && !isGpu()) {
      throw new IllegalArgumentException("--precision fp16 needs a GPU, but the device is cpu"
          + (why.startsWith("device auto") ? " (" + why + ")" : "") + "; use fp32 on the CPU");
    }
  }
}
