package io.restorevideo.metrics;

import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.restorevideo.media.DecodedFrames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Measures an output clip against its input (and a clean reference when there is one), frame by frame, in
 * one decoding pass over each file; memory does not grow with the clip beyond one row of figures per frame.
 * Everything is measured at the input's size (an upscaled output or another-size reference is resized to it
 * with area averaging), the optical flow always on the input: the output's own motion is what is judged.
 */
public final class StabilityMeter {
  private StabilityMeter() {}

  /** Receives the index of each frame measured (progress). */
  public interface Progress {
    void frame(long index);
  }

  /** As below, with the face regions where the output differs from the input ({@link DiffRegions}). */
  public static StabilityReport measure(String input, String output, String reference, Progress progress) {
    return measure(input, output, reference, new DiffRegions(), progress);
  }

  /** Measures OUTPUT against INPUT (and REFERENCE, or null) over the face {@code regions} (closed here). */
  public static StabilityReport measure(String input, String output, String reference, FaceRegions regions,
      Progress progress) {
    List<FrameFigures> rows = new ArrayList<>();
    long inputFrames;
    long outputFrames;
    long firstTimeMismatch = -1;
    List<DecodedFrames.PacketDigest> inPackets;
    List<DecodedFrames.PacketDigest> outPackets;
    try (DecodedFrames in = DecodedFrames.open(input); DecodedFrames out = DecodedFrames.open(output);
        DecodedFrames ref = reference == null ? null : DecodedFrames.open(reference);
        FlowWarp.Estimator flow = new FlowWarp.Estimator(); Previous prev = new Previous(); regions) {
      Mat a;
      Mat b;
      while ((a = in.next()) != null && (b = out.next()) != null) {
        long t = in.frames() - 1;
        if (firstTimeMismatch < 0 && Math.abs(in.seconds() - out.seconds()) > StreamCheck.TIME_TOLERANCE) {
          firstTimeMismatch = t;
        }
        Mat r = ref == null ? null : ref.next();
        try (Mat o = atSize(b, a); Mat clean = r == null ? null : atSize(r, a); Mat gray = ImageErrors.gray(a)) {
          rows.add(measureFrame(t, in.seconds(), a, o, clean, gray, regions.find(a, o), prev, flow));
          prev.keep(a, o, gray);
        }
        progress.frame(t);
      }
      // read both to their ends: the frame counts and every packet of the other streams
      while (in.next() != null) {
        // counted by the reader
      }
      while (out.next() != null) {
        // counted by the reader
      }
      inputFrames = in.frames();
      outputFrames = out.frames();
      inPackets = in.packets();
      outPackets = out.packets();
    }
    return Summary.of(input, output, reference, regions.description(), regions.jitter(), rows,
        streams(inputFrames, outputFrames, firstTimeMismatch, inPackets, outPackets));
  }

  private static FrameFigures measureFrame(long t, double seconds, Mat in, Mat out, Mat clean, Mat gray,
      List<FaceRegion> faces, Previous prev, FlowWarp.Estimator flow) {
    double warping = Double.NaN;
    double inWarping = Double.NaN;
    double faceWarping = Double.NaN;
    double inFaceWarping = Double.NaN;
    double flicker = Double.NaN;
    double inFlicker = Double.NaN;
    Map<Integer, Double> tracks = new TreeMap<>();
    Map<Integer, Double> inputTracks = new TreeMap<>();
    try (Mat faceMask = DiffRegions.mask(in.cols(), in.rows(), faces)) {
      if (prev.gray != null) {
        try (FlowWarp warp = flow.between(gray, prev.gray); Mat wOut = warp.warp(prev.output);
            Mat wIn = warp.warp(prev.input); Mat faceValid = new Mat()) {
          bitwise_and(warp.valid(), faceMask, faceValid);
          warping = ImageErrors.meanAbs(out, wOut, warp.valid());
          inWarping = ImageErrors.meanAbs(in, wIn, warp.valid());
          if (!faces.isEmpty()) {
            faceWarping = ImageErrors.meanAbs(out, wOut, faceValid);
            inFaceWarping = ImageErrors.meanAbs(in, wIn, faceValid);
            flicker = ImageErrors.meanAbsLuma(out, wOut, faceValid);
            inFlicker = ImageErrors.meanAbsLuma(in, wIn, faceValid);
          }
          for (FaceRegion f : faces) {
            try (Mat one = DiffRegions.mask(in.cols(), in.rows(), List.of(f)); Mat valid = new Mat()) {
              bitwise_and(warp.valid(), one, valid);
              double e = ImageErrors.meanAbs(out, wOut, valid);
              if (!Double.isNaN(e)) {
                tracks.put(f.track(), e);
                inputTracks.put(f.track(), ImageErrors.meanAbs(in, wIn, valid));
              }
            }
          }
        }
      }
      Double psnr = null;
      Double facePsnr = null;
      Double inputPsnr = null;
      Double ssim = null;
      Double faceSsim = null;
      if (clean != null) {
        Mat m = faces.isEmpty() ? null : faceMask;
        psnr = ImageErrors.psnr(out, clean, null);
        inputPsnr = ImageErrors.psnr(in, clean, null);
        ssim = ImageErrors.ssim(out, clean, null);
        facePsnr = m == null ? null : FrameFigures.measured(ImageErrors.psnr(out, clean, m));
        faceSsim = m == null ? null : FrameFigures.measured(ImageErrors.ssim(out, clean, m));
      }
      return new FrameFigures(t, seconds, FrameFigures.measured(warping), FrameFigures.measured(inWarping),
          FrameFigures.measured(faceWarping), FrameFigures.measured(inFaceWarping), FrameFigures.measured(flicker),
          FrameFigures.measured(inFlicker), psnr, facePsnr, inputPsnr, ssim, faceSsim, tracks, inputTracks);
    }
  }

  /** {@code m} at {@code like}'s size: a new Mat either way (the readers reuse theirs). */
  private static Mat atSize(Mat m, Mat like) {
    Mat out = new Mat();
    if (m.cols() == like.cols() && m.rows() == like.rows()) {
      m.copyTo(out);
    } else {
      try (Size s = new Size(like.cols(), like.rows())) {
        resize(m, out, s, 0, 0, INTER_AREA);
      }
    }
    return out;
  }

  private static StreamCheck streams(long inFrames, long outFrames, long firstTimeMismatch,
      List<DecodedFrames.PacketDigest> in, List<DecodedFrames.PacketDigest> out) {
    List<StreamCheck.Packets> packets = new ArrayList<>();
    boolean ok = inFrames == outFrames && firstTimeMismatch < 0;
    for (int i = 0; i < in.size(); i++) {
      DecodedFrames.PacketDigest a = in.get(i);
      DecodedFrames.PacketDigest b = i < out.size() ? out.get(i) : null;
      boolean same = b != null && a.packets() == b.packets() && a.md5().equals(b.md5());
      packets.add(new StreamCheck.Packets(a.stream(), a.type(), a.packets(), b == null ? 0 : b.packets(), same));
      ok &= same;
    }
    return new StreamCheck(inFrames, outFrames, firstTimeMismatch, packets, ok);
  }

  /** The previous frame's input, output and input gray, owned copies. */
  private static final class Previous implements AutoCloseable {
    Mat input;
    Mat output;
    Mat gray;

    void keep(Mat in, Mat out, Mat g) {
      close();
      input = in.clone();
      output = out.clone();
      gray = g.clone();
    }

    @Override
    public void close() {
      for (Mat m : new Mat[] {input, output, gray}) {
        if (m != null) {
          m.close();
        }
      }
      input = null;
      output = null;
      gray = null;
    }
  }

  /** Turns the rows into the report's means, tracks and suspect frame. */
  static final class Summary {
    private Summary() {}

    static StabilityReport of(String input, String output, String reference, String regions, Double jitter,
        List<FrameFigures> rows, StreamCheck streams) {
      StabilityReport.Triple whole = triple(rows, FrameFigures::warping, FrameFigures::inputWarping);
      StabilityReport.Triple faces = triple(rows, FrameFigures::faceWarping, FrameFigures::inputFaceWarping);
      StabilityReport.Triple flicker = triple(rows, FrameFigures::flicker, FrameFigures::inputFlicker);
      long suspect = -1;
      double suspectExcess = Double.NEGATIVE_INFINITY;
      for (int i = 1; i < rows.size(); i++) {
        double here = rows.get(i).excessWarping();
        double next = i + 1 < rows.size() ? rows.get(i + 1).excessWarping() : here;
        // a frame unlike both neighbours raises the error into it and out of it
        double both = Math.min(here, next);
        if (both > suspectExcess) {
          suspectExcess = both;
          suspect = rows.get(i).index();
        }
      }
      StabilityReport.Quality quality = null;
      if (reference != null) {
        quality = new StabilityReport.Quality(mean(rows, FrameFigures::psnr), mean(rows, FrameFigures::facePsnr),
            mean(rows, FrameFigures::inputPsnr), mean(rows, FrameFigures::ssim), mean(rows, FrameFigures::faceSsim));
      }
      return new StabilityReport(input, output, reference, regions, rows.size(), whole, faces, flicker, suspect,
          suspect < 0 ? null : suspectExcess, tracks(rows), quality, jitter, streams, rows);
    }

    private static List<StabilityReport.TrackFigures> tracks(List<FrameFigures> rows) {
      Map<Integer, double[]> sums = new LinkedHashMap<>();
      for (FrameFigures r : rows) {
        if (r.faceWarping() == null) {
          continue;
        }
        for (Map.Entry<Integer, Double> e : r.tracks().entrySet()) {
          double[] s = sums.computeIfAbsent(e.getKey(), k -> new double[3]);
          s[0]++;
          s[1] += e.getValue();
          s[2] += r.inputTracks().get(e.getKey());
        }
      }
      List<StabilityReport.TrackFigures> out = new ArrayList<>();
      sums.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
        double[] s = e.getValue();
        out.add(new StabilityReport.TrackFigures(e.getKey(), (long) s[0], s[1] / s[0], s[2] / s[0],
            (s[1] - s[2]) / s[0]));
      });
      return out;
    }

    private static StabilityReport.Triple triple(List<FrameFigures> rows,
        java.util.function.Function<FrameFigures, Double> out, java.util.function.Function<FrameFigures, Double> in) {
      Double o = mean(rows, out);
      Double i = mean(rows, in);
      return new StabilityReport.Triple(o, i, o == null || i == null ? null : o - i);
    }

    private static Double mean(List<FrameFigures> rows, java.util.function.Function<FrameFigures, Double> f) {
      double sum = 0;
      int n = 0;
      for (FrameFigures r : rows) {
        Double v = f.apply(r);
        if (v != null) {
          sum += v;
          n++;
        }
      }
      return n == 0 ? null : sum / n;
    }
  }
}
