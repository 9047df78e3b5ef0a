package io.restorevideo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.testutil.CliRun;
import io.restorevideo.testutil.Ffmpeg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transcode without stages keeps every frame and its time, every audio stream's packets, subtitles, tags,
 * rotation, colour and depth, for each kind of input of issue 2 (clips are made here with the bundled ffmpeg
 * and inspected with it, not with the code under test).
 */
class TranscodeMatrixTest {
  private static final String VIDEO = "testsrc2=size=160x120:rate=25";
  private static final String TONE = "sine=frequency=440:sample_rate=48000";

  @TempDir Path dir;

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of("h264+aac mp4", "in.mp4", "out.mp4", List.of("-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i",
            TONE, "-t", "1.2", "-c:v", "libx264", "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace",
            "bt709", "-c:a", "aac", "-metadata:s:a:0", "language=eng")),
        Arguments.of("hevc+ac3 5.1 mkv", "in.mkv", "out.mkv", List.of("-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i",
            TONE, "-t", "1.2", "-c:v", "libx265", "-x265-params", "log-level=error", "-ac", "6", "-c:a", "ac3",
            "-metadata:s:a:0", "language=deu")),
        Arguments.of("vp9+opus webm", "in.webm", "out.webm", List.of("-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i",
            TONE, "-t", "1.2", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus")),
        Arguments.of("variable frame rate mp4", "in.mp4", "out.mp4", List.of("-f", "lavfi", "-i",
            "testsrc2=size=160x120:rate=30", "-f", "lavfi", "-i", TONE, "-t", "1.5", "-vf",
            "select='lt(mod(n\\,10)\\,6)+eq(n\\,17)'", "-fps_mode", "vfr", "-c:v", "libx264", "-c:a", "aac")),
        Arguments.of("rotated mp4", "in.mp4", "out.mp4", List.of("-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i", TONE,
            "-t", "1", "-c:v", "libx264", "-c:a", "aac")),
        Arguments.of("odd dimensions ffv1 mkv", "in.mkv", "out.mkv", List.of("-f", "lavfi", "-i",
            "testsrc2=size=161x121:rate=25", "-f", "lavfi", "-i", TONE, "-t", "1", "-c:v", "ffv1", "-c:a", "flac")),
        Arguments.of("10-bit hevc", "in.mkv", "out.mkv", List.of("-f", "lavfi", "-i", VIDEO, "-t", "1", "-c:v",
            "libx265", "-x265-params", "log-level=error:colorprim=bt2020:transfer=smpte2084:colormatrix=bt2020nc",
            "-pix_fmt", "yuv420p10le")),
        Arguments.of("no audio", "in.mp4", "out.mp4", List.of("-f", "lavfi", "-i", VIDEO, "-t", "1", "-c:v",
            "libx264")),
        Arguments.of("two audio tracks and a subtitle mkv", "in.mkv", "out.mkv", List.of("-f", "lavfi", "-i", VIDEO,
            "-f", "lavfi", "-i", TONE, "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=44100", "-i", "subs.srt",
            "-t", "1.2", "-map", "0", "-map", "1", "-map", "2", "-map", "3", "-c:v", "libx264", "-c:a:0", "aac",
            "-c:a:1", "libmp3lame", "-c:s", "srt", "-metadata:s:a:0", "language=eng", "-metadata:s:a:1",
            "language=fra", "-metadata:s:s:0", "language=spa")),
        Arguments.of("mpeg4+mp3 avi", "in.avi", "out.avi", List.of("-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i",
            TONE, "-t", "1.2", "-c:v", "mpeg4", "-c:a", "libmp3lame")));
  }

  /**
   * mp4 keeps AAC's priming samples at a negative time (an edit list); Matroska cannot store negative
   * times, so the muxer moves every stream later by the same amount (23 ms here, as {@code ffmpeg -c copy}
   * does). Frame spacing and the audio/video offset must survive that shift.
   */
  @Test
  void mp4IntoMkvShiftsAllStreamsTogetherAndKeepsSync() {
    Path in = dir.resolve("in.mp4");
    Ffmpeg.run(dir, "-f", "lavfi", "-i", VIDEO, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t",
        "1.2", "-c:v", "libx264", "-c:a", "aac", in.toString());
    Path out = dir.resolve("out.mkv");
    CliRun r = CliRun.of(in.toString(), out.toString(), "--quiet", "--no-faces");
    assertEquals(0, r.exit(), r.err());
    List<Double> want = Ffmpeg.videoFrameTimes(in);
    List<Double> got = Ffmpeg.videoFrameTimes(out);
    assertEquals(want.size(), got.size(), "frame count");
    double shift = got.get(0) - want.get(0);
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i) + shift, got.get(i), 0.0011, "pts of frame " + i + " (shift " + shift + ")");
    }
    Map<Integer, Double> a = Ffmpeg.firstPacketTimes(in);
    Map<Integer, Double> b = Ffmpeg.firstPacketTimes(out);
    assertTrue(a.get(1) < 0, "the input's AAC priming sits before zero: " + a);
    assertEquals(a.get(0) - a.get(1), b.get(0) - b.get(1), 0.0011, "audio/video offset: " + a + " -> " + b);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void keepsFramesTimesStreamsAndTags(String kind, String inName, String outName, List<String> make) throws IOException {
    Files.writeString(dir.resolve("subs.srt"), "1\n00:00:00,100 --> 00:00:00,900\nhola\n\n");
    Path in = dir.resolve(inName);
    List<String> args = new ArrayList<>(make);
    args.add(0, "-y");
    if (kind.startsWith("rotated")) {
      Path plain = dir.resolve("plain.mp4");
      args.add(plain.toString());
      Ffmpeg.run(dir, args.toArray(String[]::new));
      Ffmpeg.run(dir, "-y", "-display_rotation", "90", "-i", plain.toString(), "-c", "copy", in.toString());
    } else {
      args.add(in.toString());
      Ffmpeg.run(dir, args.toArray(String[]::new));
    }
    Path out = dir.resolve(outName);

    CliRun r = CliRun.of(in.toString(), out.toString(), "--quiet", "--no-faces");

    assertEquals(0, r.exit(), r.err());
    assertEquals("", Ffmpeg.decodeErrors(out), "output decodes cleanly");
    List<Double> want = Ffmpeg.videoFrameTimes(in);
    List<Double> got = Ffmpeg.videoFrameTimes(out);
    assertEquals(want.size(), got.size(), "frame count");
    assertTrue(want.size() >= 20, "clip has frames: " + want.size());
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i), got.get(i), 0.0011, "pts of frame " + i);
    }
    List<String> inStreams = Ffmpeg.streams(in);
    List<String> outStreams = Ffmpeg.streams(out);
    assertEquals(inStreams.size(), outStreams.size(), "stream count:\n" + inStreams + "\n" + outStreams);
    int audio = 0;
    for (int i = 0; i < inStreams.size(); i++) {
      String a = inStreams.get(i);
      String b = outStreams.get(i);
      assertEquals(type(a), type(b), "stream " + i);
      assertEquals(language(a), language(b), "language of stream " + i);
      if (type(a).equals("Audio")) {
        assertEquals(Ffmpeg.audioPacketsMd5(in, audio), Ffmpeg.audioPacketsMd5(out, audio), "packets of audio " + audio);
        audio++;
      }
      if (type(a).equals("Video")) {
        assertEquals(rotation(a), rotation(b), "display matrix");
        assertEquals(colour(a), colour(b), "colour tags");
        assertEquals(bits(a), bits(b), "bit depth: " + a + " -> " + b);
      }
    }
    if (kind.startsWith("rotated")) {
      assertEquals("90.00", rotation(outStreams.get(0)), outStreams.get(0));
    }
    if (kind.contains("subtitle")) {
      assertEquals("Subtitle", type(outStreams.get(3)));
      assertEquals("spa", language(outStreams.get(3)));
    }
  }

  private static String type(String streamLine) {
    Matcher m = Pattern.compile(": (Video|Audio|Subtitle|Data|Attachment):").matcher(streamLine);
    return m.find() ? m.group(1) : "?";
  }

  private static String language(String streamLine) {
    Matcher m = Pattern.compile("^Stream #\\d+:\\d+(?:\\[[^]]*])?\\(([a-z]{3})\\)").matcher(streamLine);
    String lang = m.find() ? m.group(1) : "und";
    return lang;
  }

  private static String rotation(String streamLine) {
    Matcher m = Pattern.compile("rotation of (-?[0-9.]+) degrees").matcher(streamLine);
    return m.find() ? m.group(1) : "none";
  }

  /** The "(tv, bt709, progressive)" part after the pixel format, without the field order (not a tag we set). */
  private static String colour(String streamLine) {
    Matcher m = Pattern.compile("Video: [^,]+(?:\\([^)]*\\))*[^,]*, [a-z0-9]+\\(([^)]*)\\)").matcher(streamLine);
    if (!m.find()) {
      return "untagged";
    }
    return m.group(1).replaceAll(",? ?(progressive|top first|bottom first)", "");
  }

  private static String bits(String streamLine) {
    Matcher m = Pattern.compile("Video: [^,]+(?:\\([^)]*\\))*[^,]*, ([a-z0-9]+)").matcher(streamLine);
    if (!m.find()) {
      return "?";
    }
    Matcher d = Pattern.compile("p(9|10|12|16)(le|be)?$").matcher(m.group(1));
    return d.find() ? d.group(1) : "8";
  }
}
