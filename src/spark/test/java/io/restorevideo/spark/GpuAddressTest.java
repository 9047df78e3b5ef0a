package io.restorevideo.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.resource.ResourceInformation;
import org.junit.jupiter.api.Test;

/** The GPU Spark gives a task becomes the device its networks run on. */
class GpuAddressTest {
  private static Map<String, ResourceInformation> gpus(String... addresses) {
    return Map.of("gpu", new ResourceInformation("gpu", addresses));
  }

  @Test
  void theAssignedAddressIsTheCudaDevice() {
    assertEquals("gpu:0", GpuAddress.device(gpus("0")));
    assertEquals("gpu:3", GpuAddress.device(gpus("3")));
    assertEquals("gpu:1", GpuAddress.device(gpus(" 1 ", "2")), "the first of several, trimmed");
  }

  @Test
  void noGpuResourceMeansTheFirstCudaDevice() {
    // local mode schedules no resources
    assertEquals("gpu", GpuAddress.device(Map.of()));
    assertEquals("gpu", GpuAddress.device(null));
    assertEquals("gpu", GpuAddress.device(Map.of("fpga", new ResourceInformation("fpga", new String[] {"7"}))));
  }

  @Test
  void anAddressThatIsNotADeviceNumberIsRefusedWithTheReason() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> GpuAddress.device(gpus("GPU-5f1c2a")));
    assertTrue(e.getMessage().contains("GPU-5f1c2a") && e.getMessage().contains("discovery script"), e.getMessage());
  }
}
