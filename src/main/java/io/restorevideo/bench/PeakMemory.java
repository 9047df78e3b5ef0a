package io.restorevideo.bench;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures for benchmark reports. */
public final class PeakMemory {
  private PeakMemory() {}

  /** Peak resident memory of this process (VmHWM) in MiB, or -1 where /proc is unavailable. */
  public static double rssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Memory in use on GPU {@code index} (total minus free, from cudaMemGetInfo) in MiB. PyTorch's caching
   * allocator keeps what it once reserved, so after a run this is close to the run's peak reservation.
   */
  public static double gpuUsedMiB(int index) {
    return CudaUtils.getGpuMemory(Device.gpu(index)).getUsed() / (1024.0 * 1024.0);
  }
}
