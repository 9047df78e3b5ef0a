package io.restorevideo.api;

import io.restorevideo.media.ContainerFormat;
import io.restorevideo.media.EncoderSettings;
import io.restorevideo.media.FrameRange;
import io.restorevideo.media.InputFormat;
import io.restorevideo.media.MediaRange;
import io.restorevideo.media.MediaException;
import io.restorevideo.media.MediaInput;
import io.restorevideo.media.MediaOutput;
import io.restorevideo.media.PreFilters;
import io.restorevideo.media.StreamInfo;
import io.restorevideo.pipeline.FaceStages;
import io.restorevideo.pipeline.FrameStage;
import io.restorevideo.pipeline.PipelineResult;
import io.restorevideo.pipeline.ProgressListener;
import io.restorevideo.pipeline.StageTiming;
import io.restorevideo.pipeline.VideoPipeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One video in, one video out: decode, the configured stages, encode, copy of the other streams, written to
 * a temporary name and renamed on success. With no stages it is a faithful transcode.
 *
 * <pre>{@code
 * JobSummary s = VideoJob.builder("in.mp4", "out.mp4").crf(20).build().run();
 * }</pre>
 */
public final class VideoJob {
  private static final Logger LOG = LoggerFactory.getLogger(VideoJob.class);

  private final Builder b;
  private FaceStages faces;

  private VideoJob(Builder b) {
    this.b = b;
  }

  public static Builder builder(String input, String output) {
    return new Builder(input, output);
  }

  /**
   * Runs the job. Bad input or output, a failing stage, or (without {@link Builder#allowPartial}) an input
   * that ends early throws {@link UserException} with one line naming the file; OUTPUT is then not created.
   */
  public JobSummary run() {
    List<String> warnings = new ArrayList<>();
    String muxer;
    try {
      muxer = ContainerFormat.choose(b.output, b.format);
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    }
    ProgressReporter reporter = null;
    try (OutputFile target = OutputFile.prepare(b.output, b.input);
        MediaInput in = MediaInput.open(b.input, b.inputFormat)) {
      in.filter(PreFilters.describe(b.input, in, b.deinterlace, b.denoise));
      // the networks load once the input is known to be a video, so a bad input is reported first
      faces = b.faces == null ? null : b.faces.get();
      PipelineResult r;
      List<String> outStreams;
      try (MediaOutput out = b.segment == null
          ? MediaOutput.open(target.url(), b.output, muxer, in, b.encoder, w -> warn(warnings, w, b.warnings))
          : MediaOutput.openVideoPart(target.url(), b.output, muxer, in, b.encoder,
              w -> warn(warnings, w, b.warnings))) {
        double frameSeconds = in.frameSeconds();
        reporter = b.progress == null ? null : new ProgressReporter(b.progress, b.progressEvery,
            () -> faces == null ? null : faces.stats(), frameSeconds > 0 ? 1 / frameSeconds : 0, b.range.maxFrames());
        ProgressListener listener = reporter == null ? ProgressListener.NONE : reporter;
        r = b.segment == null ? new VideoPipeline(allStages(), b.ringSize).run(in, out, listener, b.range)
            : new VideoPipeline(allStages(), b.ringSize).run(in, out, listener, b.warmup, b.segment);
        outStreams = out.streams();
      }
      if (b.segment != null && r.frames() != b.segment.frames() && r.incompleteReason() == null) {
        throw new UserException(b.input + ": frames " + b.segment.first() + " to " + b.segment.end() + " gave "
            + r.frames() + " frames instead of " + b.segment.frames() + " (damaged or changed input)");
      }
      if (r.incompleteReason() != null) {
        String line = b.input + ": input ends early, " + r.incompleteReason() + "; " + r.frames() + " frames written";
        if (!b.allowPartial) {
          throw new UserException(line + " (use --allow-partial to keep them)");
        }
        warn(warnings, line, b.warnings);
      }
      if (r.frames() == 0) {
        throw new UserException(b.input + ": no video frame could be decoded");
      }
      target.commit();
      if (reporter != null) {
        reporter.end(true);
      }
      Map<String, Double> stageSeconds = new LinkedHashMap<>();
      for (StageTiming t : r.timings()) {
        stageSeconds.put(t.name(), t.seconds());
      }
      return new JobSummary(b.input, b.output, describe(in.info().streams()), outStreams, r.frames(),
          r.wallSeconds(), r.fps(), stageSeconds, warnings, faceSummary());
    } catch (MediaException e) {
      throw new UserException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserException(b.output + ": interrupted", e);
    } catch (RuntimeException e) {
      if (e instanceof UserException) {
        throw e;
      }
      throw new UserException(b.input + ": " + e.getMessage(), e);
    } finally {
      if (reporter != null) {
        reporter.end(false);
      }
    }
  }

  private List<FrameStage> allStages() {
    if (faces == null) {
      return b.stages;
    }
    List<FrameStage> all = new ArrayList<>(b.stages);
    all.addAll(faces.stages());
    return all;
  }

  private JobSummary.FaceSummary faceSummary() {
    if (faces == null) {
      return null;
    }
    return JobSummary.FaceSummary.of(faces.stats());
  }

  private static void warn(List<String> warnings, String line, java.util.function.Consumer<String> listener) {
    warnings.add(line);
    listener.accept(line);
  }

  private static List<String> describe(List<StreamInfo> streams) {
    List<String> out = new ArrayList<>();
    for (StreamInfo s : streams) {
      StringBuilder sb = new StringBuilder().append(s.index()).append(' ').append(s.type()).append(' ')
          .append(s.codec());
      if ("video".equals(s.type())) {
        sb.append(String.format(Locale.ROOT, " %dx%d %s %.3f fps%s", s.width(), s.height(), s.pixelFormat(), s.fps(),
            s.variableFrameRate() ? " (variable)" : ""));
        if (s.rotation() != 0) {
          sb.append(" rotation ").append(s.rotation());
        }
      } else if ("audio".equals(s.type())) {
        sb.append(' ').append(s.channels()).append("ch ").append(s.sampleRate()).append(" Hz");
      }
      if (s.language() != null) {
        sb.append(" [").append(s.language()).append(']');
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** Options of a video job. */
  public static final class Builder {
    private final String input;
    private final String output;
    private String format;
    private String codec;
    private Integer crf;
    private String preset;
    private String pixFmt;
    private EncoderSettings encoder = EncoderSettings.defaults();
    private boolean allowPartial;
    private int ringSize = VideoPipeline.DEFAULT_RING_SIZE;
    private List<FrameStage> stages = List.of();
    private java.util.function.Supplier<FaceStages> faces;
    private int upscale = 1;
    private java.util.function.Consumer<JobProgress> progress;
    private java.time.Duration progressEvery = java.time.Duration.ofSeconds(1);
    private InputFormat inputFormat;
    private MediaRange range = MediaRange.ALL;
    private java.util.function.Consumer<String> warnings = LOG::warn;
    private String deinterlace;
    private String denoise;
    private FrameRange warmup;
    private FrameRange segment;

    private Builder(String input, String output) {
      this.input = Objects.requireNonNull(input, "input");
      this.output = Objects.requireNonNull(output, "output");
    }

    /** Output container (mp4, mov, mkv, webm, avi); needed for {@code -}, else taken from the extension. */
    public Builder format(String format) {
      this.format = format;
      return this;
    }

    public Builder videoCodec(String codec) {
      this.codec = codec;
      return this;
    }

    public Builder crf(Integer crf) {
      this.crf = crf;
      return this;
    }

    public Builder encoderPreset(String preset) {
      this.preset = preset;
      return this;
    }

    public Builder pixelFormat(String pixFmt) {
      this.pixFmt = pixFmt;
      return this;
    }

    /** Keep the output of an input that ends early (with a warning) instead of failing. */
    public Builder allowPartial(boolean allowPartial) {
      this.allowPartial = allowPartial;
      return this;
    }

    /** Frames in flight (a power of two); bounds memory. */
    public Builder ringSize(int ringSize) {
      this.ringSize = ringSize;
      return this;
    }

    /** Stages run in this order between decoding and encoding. */
    public Builder stages(List<FrameStage> stages) {
      this.stages = List.copyOf(stages);
      return this;
    }

    /**
     * Face restoration stages, run after {@link #stages}; their counters go into the summary. Made when the
     * job runs, after the input has opened (null from the supplier, or a null supplier: no face stages).
     */
    public Builder faces(java.util.function.Supplier<FaceStages> faces) {
      this.faces = faces;
      return this;
    }

    /** The output is this many times the input's size (the stages must deliver frames of that size). */
    public Builder upscale(int upscale) {
      if (upscale < 1) {
        throw new IllegalArgumentException("upscale must be at least 1, got " + upscale);
      }
      this.upscale = upscale;
      return this;
    }

    /**
     * Receives a {@link JobProgress} every {@code every} on a thread of its own while the job runs, and a last
     * one (done) when it has finished; null for none.
     */
    public Builder progress(java.util.function.Consumer<JobProgress> progress, java.time.Duration every) {
      this.progress = progress;
      this.progressEvery = Objects.requireNonNull(every);
      return this;
    }

    /**
     * Reads the input with this FFmpeg input format instead of probing it: y4m, nut, or any demuxer name
     * (null: probe). Raw video needs {@link #rawVideoInput}.
     */
    public Builder inputFormat(String format) {
      this.inputFormat = format == null ? null : InputFormat.named(format);
      return this;
    }

    /** The input is headerless raw video of {@code size} (WxH), {@code pixelFormat} at {@code rate} fps. */
    public Builder rawVideoInput(String size, String pixelFormat, String rate) {
      try {
        this.inputFormat = InputFormat.rawVideo(size, pixelFormat, rate);
      } catch (MediaException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      return this;
    }

    /** Restores and writes only this part of the input (default: all of it); see {@link MediaRange}. */
    public Builder range(MediaRange range) {
      this.range = Objects.requireNonNull(range);
      return this;
    }

    /**
     * The part from {@code startSeconds} (null: the start) lasting {@code durationSeconds} and/or {@code frames}
     * frames (null: to the end); timestamps of the output start at zero.
     */
    public Builder range(Double startSeconds, Double durationSeconds, Long frames) {
      MediaRange r = MediaRange.ALL;
      if (startSeconds != null) {
        r = r.from(startSeconds);
      }
      if (durationSeconds != null) {
        r = r.lasting(durationSeconds);
      }
      if (frames != null) {
        r = r.frames(frames);
      }
      return range(r);
    }

    /** Receives each warning line as it happens (default: logged); all of them are also in the summary. */
    public Builder warnings(java.util.function.Consumer<String> warnings) {
      this.warnings = Objects.requireNonNull(warnings);
      return this;
    }

    /**
     * Deinterlacing before the stages: auto (the stream's field order, else FFmpeg's idet on the first
     * frames), off (null), bwdif or yadif. One frame per frame; the output is flagged progressive.
     */
    public Builder deinterlace(String mode) {
      PreFilters.validate(mode, null);
      this.deinterlace = mode;
      return this;
    }

    /** Denoising before the stages: off (null), hqdn3d or nlmeans, optionally {@code =strength}. */
    public Builder denoise(String spec) {
      PreFilters.validate(null, spec);
      this.denoise = spec;
      return this;
    }

    /**
     * Encodes only the frames of {@code segment} (a segment of the input, timestamps kept) into a video-only
     * part with a closed GOP, after running the frames of {@code warmup} (those just before it, or null)
     * through the stages unwritten. The other streams are left for {@link VideoParts#join}. The job fails
     * unless the segment yields exactly its number of frames.
     */
    public Builder segment(FrameRange warmup, FrameRange segment) {
      this.warmup = warmup;
      this.segment = Objects.requireNonNull(segment, "segment");
      return this;
    }

    public VideoJob build() {
      encoder = new EncoderSettings(codec, crf, preset, pixFmt, upscale);
      return new VideoJob(this);
    }
  }
}
