package io.restorevideo.cli.bench;

import io.restorevideo.nn.DeviceChoice;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --device} of the bench network subcommands: resolved once, and {@code auto} says what it picked. */
public final class BenchDeviceOption {
  @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
      description = "auto (GPU if PyTorch sees one, else CPU; says which on stderr), cpu, gpu or gpu:N "
          + "(default: ${DEFAULT-VALUE}).")
  String device;

  /** The device asked for; {@code auto} is resolved and its choice printed on {@code spec}'s stderr. */
  DeviceChoice resolve(CommandSpec spec) {
    DeviceChoice dev = DeviceChoice.resolve(device);
    if (device.trim().equalsIgnoreCase("auto")) {
      spec.commandLine().getErr().println("restore-video: " + dev.why());
      spec.commandLine().getErr().flush();
    }
    return dev;
  }
}
