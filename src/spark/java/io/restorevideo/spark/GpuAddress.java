package io.restorevideo.spark;

import java.util.Map;
import org.apache.spark.resource.ResourceInformation;

/** The device a task's networks run on, from the GPU Spark assigned to the task. */
final class GpuAddress {
  /** Spark's name for the GPU resource ({@code spark.task.resource.gpu.amount}). */
  static final String GPU = "gpu";

  private GpuAddress() {}

  /**
   * "gpu:N" for the first GPU address Spark gave the task; "gpu" (PyTorch's first CUDA device) when it gave
   * none, as in local mode, where Spark schedules no resources.
   */
  static String device(Map<String, ResourceInformation> resources) {
    ResourceInformation gpu = resources == null ? null : resources.get(GPU);
    if (gpu == null || gpu.addresses().length == 0) {
      return GPU;
    }
    String address = gpu.addresses()[0].trim();
    if (!address.matches("\\d+")) {
      throw new IllegalStateException("Spark gave the task GPU address '" + address + "'; the discovery script "
          + "must list CUDA device numbers (0, 1, ...)");
    }
    return GPU + ":" + address;
  }
}
