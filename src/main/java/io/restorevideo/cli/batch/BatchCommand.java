package io.restorevideo.cli.batch;

import com.google.gson.GsonBuilder;
import io.restorevideo.api.FaceModels;
import io.restorevideo.api.VideoJob;
import io.restorevideo.batch.BatchReport;
import io.restorevideo.batch.BatchRunner;
import io.restorevideo.batch.ClusterEngines;
import io.restorevideo.batch.ClusterRequest;
import io.restorevideo.batch.JobTemplate;
import io.restorevideo.batch.LocalEngine;
import io.restorevideo.batch.SegmentEngine;
import io.restorevideo.batch.Sources;
import io.restorevideo.cli.options.FaceOptions;
import io.restorevideo.cli.options.ImageOptions;
import io.restorevideo.cli.options.ModelOptions;
import io.restorevideo.cli.options.VideoFaceOptions;
import io.restorevideo.cli.options.VideoJobSetup;
import io.restorevideo.cli.options.VideoOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore-video batch SOURCE... -o OUTDIR}: many videos, in resumable segments. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = {"Restores many videos into OUTDIR, mirroring their relative paths, in segments recorded in a "
        + "journal (OUTDIR/.restore-video) so that running the same command again resumes a killed batch: "
        + "finished videos are skipped, finished segments reused. Takes every option of the main command.",
        "Exit 0 when every video succeeded (or was up to date), 1 when some failed (each is named), 2 on a usage "
            + "error."})
public final class BatchCommand implements Callable<Integer> {
  /** Options that change how the batch runs, not what it writes: left out of the settings fingerprint. */
  private static final Set<String> NOT_SETTINGS = Set.of("--output-dir", "--jobs", "--devices", "--quiet", "--json",
      "--force", "--debug", "--device", "--help", "--version", "--offline", "--mirror", "--model-dir", "--master",
      "--spark-conf");

  /** {@code scheme:/...}: what a URI looks like once a Path has collapsed its double slash. */
  private static final java.util.regex.Pattern URI_LIKE = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:/");

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SOURCE",
      description = "Video files, folders (searched recursively for video extensions: mp4 mov mkv webm avi mpg "
          + "ts mts m2ts ...), glob patterns (quoted, e.g. 'tapes/**/*.mov'), or @FILE with one source per line, "
          + "optionally followed by that video's own -w W.")
  List<String> sources;

  @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "OUTDIR",
      description = "Where outputs go, at the inputs' relative paths; each keeps its container (mkv for one this "
          + "tool does not write) unless --format says otherwise.")
  Path outdir;

  @Option(names = "--segment-seconds", paramLabel = "S", defaultValue = "60",
      description = "Cut each video into segments of about S seconds, starting on keyframes, restored and "
          + "recorded one by one (0 = one segment per video) (default: ${DEFAULT-VALUE}).")
  double segmentSeconds;

  @Option(names = "--segment-warmup", paramLabel = "N", defaultValue = "30",
      description = "Frames before each segment that are decoded and tracked, not written, so tracking and "
          + "smoothing enter the segment as in a whole run (default: ${DEFAULT-VALUE}).")
  int segmentWarmup;

  @Option(names = "--force", description = "Redo every video, ignoring the journal's finished work.")
  boolean force;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
      description = "Segments restored in parallel, each worker with its own networks (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--devices", paramLabel = "LIST", split = ",",
      description = "GPU numbers, one worker per GPU (e.g. 0,1); overrides --jobs and --device.")
  List<Integer> devices;

  @Option(names = "--master", paramLabel = "URL",
      description = "Run the segments on Apache Spark: local[N] (N threads in this JVM), spark://HOST:PORT (a "
          + "standalone cluster) or any master Spark accepts; OUTDIR must be a folder every executor reaches. "
          + "Under spark-submit the master it sets is used. Needs Spark on the class path (./restore-video adds it).")
  String master;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
      description = "A Spark setting (e.g. spark.executor.memory=8g, spark.task.maxFailures=4). Repeatable.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Mixin VideoOptions video;
  @Mixin FaceOptions face;
  @Mixin ImageOptions image;
  @Mixin VideoFaceOptions videoFaces;
  @Mixin ModelOptions models;

  @Option(names = "--debug", description = "Print stack traces of failures.")
  boolean debug;

  /** The command line of {@code batch} on its own, as {@link BatchRecipe} parses it again elsewhere. */
  static CommandLine commandLine(BatchCommand command) {
    CommandLine cl = new CommandLine(command);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExpandAtFiles(false);
    return cl;
  }

  /** The job settings of the parsed options, over networks of their own on {@code device} (null: --device's). */
  JobTemplate template(String device) {
    VideoJobSetup setup = new VideoJobSetup(face, image, videoFaces);
    setup.applyPresetAndValidate(spec, true);
    FaceModels m = videoFaces.noFaces ? null
        : new FaceModels(models.checkedCache(), setup.modelSettings(device), face::announceDevice);
    return (job, w) -> setup.withFaces(video.apply(job).upscale(setup.upscale()), m, w);
  }

  @Override
  public Integer call() {
    VideoJobSetup setup = new VideoJobSetup(face, image, videoFaces);
    setup.applyPresetAndValidate(spec, true);
    String cluster = master != null ? master : System.getProperty("spark.master");
    if (cluster != null && (jobs != 1 || devices != null)) {
      throw new ParameterException(spec.commandLine(), "--jobs and --devices are for the batch on this machine; "
          + "with --master, the cluster's cores and GPUs decide");
    }
    if (cluster == null && !sparkConf.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--spark-conf needs --master");
    }
    if (jobs < 1 || segmentSeconds < 0 || segmentWarmup < 0) {
      throw new ParameterException(spec.commandLine(), "--jobs must be >= 1, --segment-seconds and "
          + "--segment-warmup >= 0");
    }
    if (face.hasAligned()) {
      throw new ParameterException(spec.commandLine(), "--has-aligned is not supported by batch");
    }
    try {
      video.apply(VideoJob.builder("-", "-"));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    List<Sources.Source> inputs = Sources.expand(sources);
    if (inputs.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no video found in " + String.join(" ", sources));
    }
    if (URI_LIKE.matcher(outdir.toString()).lookingAt()) {
      // a Path would quietly turn hdfs://nn/out into a local folder named "hdfs:"
      throw new ParameterException(spec.commandLine(), outdir + ": file system URIs (hdfs://, s3a://...) are not "
          + "supported as OUTDIR; give a path every executor reaches (a shared mount)");
    }
    try {
      Files.createDirectories(outdir);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), outdir + ": cannot create (" + e.getMessage() + ")");
    }
    PrintWriter err = spec.commandLine().getErr();
    List<FaceModels> loaded = new ArrayList<>();
    try (SegmentEngine engine = cluster != null ? clusterEngine() : localEngine(setup, loaded)) {
      BatchProgressLine progress = new BatchProgressLine(err, video.quiet);
      BatchRunner.Options options = new BatchRunner.Options(outdir, segmentSeconds, segmentWarmup, video.format,
          force, settingsText(), isLossless());
      BatchReport report;
      try {
        report = new BatchRunner(options, engine, progress).run(inputs);
      } finally {
        progress.end();
      }
      printTable(err, report);
      if (video.json) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(new GsonBuilder().setPrettyPrinting().create().toJson(report));
        out.flush();
      }
      return report.failed() > 0 ? 1 : 0;
    } catch (io.restorevideo.batch.JournalException e) {
      throw new io.restorevideo.api.UserException(e.getMessage(), e);
    } finally {
      loaded.forEach(FaceModels::close);
    }
  }

  /** One worker per --jobs or per --devices GPU, each with networks of its own. */
  private SegmentEngine localEngine(VideoJobSetup setup, List<FaceModels> loaded) {
    List<JobTemplate> templates = new ArrayList<>();
    int workers = devices == null || devices.isEmpty() ? jobs : devices.size();
    for (int i = 0; i < workers; i++) {
      String device = devices == null || devices.isEmpty() ? null : "gpu:" + devices.get(i);
      FaceModels m = videoFaces.noFaces ? null
          : new FaceModels(models.checkedCache(), setup.modelSettings(device), face::announceDevice);
      if (m != null) {
        loaded.add(m);
      }
      templates.add((job, w) -> setup.withFaces(video.apply(job).upscale(setup.upscale()), m, w));
    }
    return new LocalEngine(templates);
  }

  /** The cluster engine on the class path (Spark's), whose executors rebuild the jobs from these arguments. */
  private SegmentEngine clusterEngine() {
    models.checkedCache();
    boolean gpu = face.device != null && face.device.startsWith("gpu");
    List<String> args = spec.commandLine().getParseResult().expandedArgs();
    return ClusterEngines.open(new ClusterRequest(master, sparkConf, BatchRecipe.of(args), gpu, debug));
  }

  private boolean isLossless() {
    String c = video.videoCodec == null ? "" : video.videoCodec;
    return Set.of("ffv1", "ffvhuff", "huffyuv", "utvideo", "rawvideo").contains(c)
        || (video.crf != null && video.crf == 0);
  }

  /** Every option that shapes the output, name=value in name order: its hash is the settings fingerprint. */
  private String settingsText() {
    StringBuilder sb = new StringBuilder();
    spec.options().stream().sorted(Comparator.comparing(OptionSpec::longestName)).forEach(o -> {
      if (!NOT_SETTINGS.contains(o.longestName())) {
        Object v = o.getValue();
        sb.append(o.longestName()).append('=').append(v instanceof Object[] a ? java.util.Arrays.toString(a) : v)
            .append('\n');
      }
    });
    return sb.toString();
  }

  private static void printTable(PrintWriter err, BatchReport r) {
    err.printf(Locale.ROOT, "%-10s %8s %7s %8s %9s  %s%n", "state", "frames", "faces", "seconds", "segments", "video");
    r.videos().forEach(v -> {
      err.printf(Locale.ROOT, "%-10s %8d %7d %8.1f %4d/%-4d  %s%n", v.state().name().toLowerCase(Locale.ROOT),
          v.frames(), v.faces(), v.seconds(), v.segmentsReused(), v.segments(), v.input());
      if (v.error() != null) {
        err.println("           " + v.error());
      }
    });
    err.printf(Locale.ROOT, "%d done, %d up to date, %d failed; %d segments run, %d reused; %.1f s%n", r.done(),
        r.upToDate(), r.failed(), r.segmentsRun(), r.segmentsReused(), r.seconds());
    if (r.done() == 0 && r.failed() == 0) {
      err.println("restore-video: nothing to do: every video is up to date");
    }
    err.flush();
  }
}
