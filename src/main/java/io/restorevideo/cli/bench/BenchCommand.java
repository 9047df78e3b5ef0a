package io.restorevideo.cli.bench;

import io.restorevideo.cli.options.VideoOptions;
import com.google.gson.GsonBuilder;
import io.restorevideo.api.JobSummary;
import io.restorevideo.bench.PeakMemory;
import io.restorevideo.bench.StandInFaces;
import io.restorevideo.api.VideoJob;
import io.restorevideo.face.track.TrackerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore-video bench ...}: benchmarks (not tests); each subcommand measures one part. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmarks: prints a table (or --json) of throughput, time per stage and peak memory.",
    subcommands = {BenchCommand.Pipeline.class, BenchNetworksCommand.class, BenchCodeFormerCommand.class,
        BenchDetectorCommand.class, BenchJitterCommand.class, BenchTrackingCommand.class,
        BenchUpsamplerCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: pipeline, networks, codeformer, detector, "
        + "jitter, tracking or upsampler");
  }

  /** Peak resident memory of this process (VmHWM) in MiB, or -1 where /proc is unavailable. */
  static double peakRssMiB() {
    return PeakMemory.rssMiB();
  }

  @Command(name = "pipeline", mixinStandardHelpOptions = true,
      description = "Runs the video job on CLIP (decode, ring, encode, stream copy; no face stages unless "
          + "--stand-in-faces) into a temporary file and reports end-to-end fps, busy time per stage and peak RSS.")
  static final class Pipeline implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "CLIP", description = "Input video.")
    String clip;

    @Mixin VideoOptions video;

    @Option(names = "--ring-size", paramLabel = "N", defaultValue = "16",
        description = "Frames in flight (power of two, default ${DEFAULT-VALUE}).")
    int ringSize;

    @Option(names = "--stand-in-faces",
        description = "Add the real face stages (tracking, optical flow, alignment, paste-back) with stand-in "
            + "networks: one face in the middle of each frame, restored by inverting the crop. Measures the "
            + "pipeline without PyTorch.")
    boolean standInFaces;

    @Option(names = "--faces", paramLabel = "N", defaultValue = "1",
        description = "Stand-in faces per frame with --stand-in-faces, on a near-square grid (default: "
            + "${DEFAULT-VALUE}).")
    int faces;

    @Override
    public Integer call() throws IOException {
      String ext = video.format != null ? video.format : "mkv";
      Path dir = Files.createTempDirectory("restore-video-bench");
      Path out = dir.resolve("bench." + ext);
      JobSummary s;
      try {
        VideoJob.Builder job = video.apply(VideoJob.builder(clip, out.toString())).ringSize(ringSize);
        if (standInFaces) {
          job.faces(() -> StandInFaces.stages(TrackerOptions.defaults(), 1, faces));
        }
        s = job.build().run();
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(dir);
      }
      double rss = peakRssMiB();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("clip", clip);
      result.put("frames", s.frames());
      result.put("seconds", s.seconds());
      result.put("fps", s.fps());
      result.put("ringSize", ringSize);
      result.put("standInFaces", standInFaces);
      if (standInFaces) {
        result.put("standInFacesPerFrame", faces);
      }
      if (s.faces() != null) {
        result.put("faces", s.faces());
      }
      result.put("stageSeconds", s.stageSeconds());
      result.put("peakRssMiB", rss);
      PrintWriter o = spec.commandLine().getOut();
      if (video.json) {
        o.println(new GsonBuilder().setPrettyPrinting().create().toJson(result));
      } else {
        o.printf(Locale.ROOT, "clip %s: %d frames in %.2f s = %.1f fps end to end, ring %d%s%n", clip, s.frames(),
            s.seconds(), s.fps(), ringSize, standInFaces ? ", face stages with stand-in networks" : "");
        o.printf(Locale.ROOT, "%-12s %10s %12s%n", "stage", "busy s", "ms/frame");
        for (Map.Entry<String, Double> e : s.stageSeconds().entrySet()) {
          o.printf(Locale.ROOT, "%-12s %10.2f %12.2f%n", e.getKey(), e.getValue(),
              s.frames() == 0 ? 0 : e.getValue() * 1000 / s.frames());
        }
        o.printf(Locale.ROOT, "peak RSS (VmHWM) %.1f MiB%n", rss);
      }
      o.flush();
      return 0;
    }
  }
}
