package io.restorevideo.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restorevideo.api.JobSummary;
import io.restorevideo.api.UserException;
import io.restorevideo.api.VideoJob;
import io.restorevideo.testutil.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stage contract: order, batching with deferred work finished at flush, failures that stop the job, backpressure. */
class VideoPipelineTest {
  private static final int FRAMES = 40;

  @TempDir Path dir;
  private Path in;

  @BeforeEach
  void clip() {
    in = dir.resolve("in.mkv");
    // ffv1 is lossless, so pixel values seen by the stages are the clip's own
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=25", "-frames:v", String.valueOf(FRAMES), "-c:v",
        "ffv1", in.toString());
  }

  /** Gathers up to B frames and inverts their pixels only when the batch is full or at flush. */
  static final class BatchingInverter implements FrameStage {
    final int batch;
    final List<FrameSlot> pending = new ArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    BatchingInverter(int batch) {
      this.batch = batch;
    }

    @Override
    public String name() {
      return "invert";
    }

    @Override
    public void onFrame(FrameSlot slot) {
      byte first = slot.bgr().data().get(0);
      slot.attach("before", first);
      pending.add(slot);
      if (pending.size() == batch) {
        flush();
      }
    }

    @Override
    public void flush() {
      if (pending.isEmpty()) {
        return;
      }
      batchSizes.add(pending.size());
      for (FrameSlot s : pending) {
        Mat m = s.bgr();
        org.bytedeco.opencv.global.opencv_core.bitwise_not(m, m);
        s.attach("inverted", Boolean.TRUE);
      }
      pending.clear();
      try {
        // slow enough that the decoder runs ahead and the next batch has several frames
        Thread.sleep(15);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Downstream check: every slot arrives complete, in order, with the inverted pixels. */
  static final class Checker implements FrameStage {
    final List<String> problems = new CopyOnWriteArrayList<>();
    long expected;

    @Override
    public String name() {
      return "check";
    }

    @Override
    public void onFrame(FrameSlot slot) {
      if (slot.index() != expected++) {
        problems.add("frame " + slot.index() + " arrived, expected " + (expected - 1));
      }
      if (!Boolean.TRUE.equals(slot.attachment("inverted", Boolean.class))) {
        problems.add("frame " + slot.index() + " passed the batching stage unfinished");
        return;
      }
      byte before = slot.attachment("before", Byte.class);
      byte now = slot.bgr().data().get(0);
      if (now != (byte) ~before) {
        problems.add("frame " + slot.index() + " pixel " + now + " is not the inverse of " + before);
      }
    }
  }

  @Test
  void batchingStageFinishesEverySlotBeforeReleasingIt() {
    BatchingInverter inverter = new BatchingInverter(4);
    Checker checker = new Checker();
    JobSummary s = VideoJob.builder(in.toString(), dir.resolve("out.mkv").toString()).ringSize(16)
        .stages(List.of(inverter, checker)).build().run();
    assertEquals(FRAMES, s.frames());
    assertEquals(List.of(), checker.problems);
    assertEquals(FRAMES, checker.expected);
    assertEquals(FRAMES, inverter.batchSizes.stream().mapToInt(Integer::intValue).sum());
    assertTrue(inverter.batchSizes.stream().anyMatch(n -> n > 1), "frames were batched: " + inverter.batchSizes);
    assertTrue(s.stageSeconds().containsKey("invert") && s.stageSeconds().containsKey("check"), s.stageSeconds().toString());
  }

  @Test
  void aFailingStageStopsTheJobWithItsMessage() {
    FrameStage failing = new FrameStage() {
      @Override
      public String name() {
        return "explode";
      }

      @Override
      public void onFrame(FrameSlot slot) {
        if (slot.index() == 7) {
          throw new IllegalStateException("injected failure at frame 7");
        }
      }
    };
    Path out = dir.resolve("out.mkv");
    UserException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(UserException.class,
        () -> VideoJob.builder(in.toString(), out.toString()).stages(List.of(failing, new Checker()))
            .build().run()));
    assertTrue(e.getMessage().contains("explode stage failed: injected failure at frame 7"), e.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void aSlowStageHoldsTheDecoderBackWithoutLosingFrames() {
    List<Long> seen = new CopyOnWriteArrayList<>();
    List<Long> pts = new CopyOnWriteArrayList<>();
    FrameStage slow = new FrameStage() {
      @Override
      public String name() {
        return "slow";
      }

      @Override
      public void onFrame(FrameSlot slot) throws InterruptedException {
        Thread.sleep(5);
        seen.add(slot.index());
        pts.add(slot.pts());
      }
    };
    JobSummary s = VideoJob.builder(in.toString(), dir.resolve("out.mkv").toString()).ringSize(4)
        .stages(List.of(slow)).build().run();
    assertEquals(FRAMES, s.frames());
    for (int i = 0; i < FRAMES; i++) {
      assertEquals(i, seen.get(i), "a ring of 4 slots never overwrote an unprocessed frame");
      if (i > 0) {
        assertTrue(pts.get(i) > pts.get(i - 1), "pts increase");
      }
    }
  }

  @Test
  void stagesSeeBgrInTheStreamsColourMatrixAndTheirEditsAreEncoded() throws java.io.IOException {
    Path coloured = dir.resolve("colour.mp4");
    // BT.709 YUV, tagged as such
    Ffmpeg.run(dir, "-f", "lavfi", "-i", "color=c=0x3366CC:size=64x48:rate=25", "-frames:v", "10", "-vf",
        "scale=out_color_matrix=bt709:out_range=tv", "-colorspace", "bt709", "-color_primaries", "bt709",
        "-color_trc", "bt709", "-c:v", "libx264", "-qp", "0", coloured.toString());
    List<int[]> seen = new CopyOnWriteArrayList<>();
    FrameStage paint = new FrameStage() {
      @Override
      public String name() {
        return "paint";
      }

      @Override
      public void onFrame(FrameSlot slot) {
        Mat m = slot.bgr();
        assertEquals(org.bytedeco.opencv.global.opencv_core.CV_8UC3, m.type());
        org.bytedeco.javacpp.BytePointer px = m.data();
        long centre = (long) (m.rows() / 2) * m.step() + (m.cols() / 2) * 3L;
        seen.add(new int[] {px.get(centre) & 0xff, px.get(centre + 1) & 0xff, px.get(centre + 2) & 0xff});
        m.put(new org.bytedeco.opencv.opencv_core.Scalar(200, 40, 10, 0));
      }
    };
    Path out = dir.resolve("painted.mkv");
    VideoJob.builder(coloured.toString(), out.toString()).crf(0).stages(List.of(paint)).build().run();

    assertEquals(10, seen.size());
    // reference: ffmpeg's own conversion of the input, which reads the BT.709 tags; BT.601 would be ~5 off in R, B
    Path ref = dir.resolve("input.bgr");
    Ffmpeg.run(dir, "-i", coloured.toString(), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "bgr24", ref.toString());
    byte[] want = Files.readAllBytes(ref);
    int c = (24 * 64 + 32) * 3;
    int[] bgr = seen.get(0);
    assertEquals(want[c] & 0xff, bgr[0], 2, "blue");
    assertEquals(want[c + 1] & 0xff, bgr[1], 2, "green");
    assertEquals(want[c + 2] & 0xff, bgr[2], 2, "red");
    Path raw = dir.resolve("frame.bgr");
    Ffmpeg.run(dir, "-i", out.toString(), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "bgr24", raw.toString());
    byte[] frame = Files.readAllBytes(raw);
    int centre = (24 * 64 + 32) * 3;
    assertEquals(200, frame[centre] & 0xff, 4, "painted blue");
    assertEquals(40, frame[centre + 1] & 0xff, 4, "painted green");
    assertEquals(10, frame[centre + 2] & 0xff, 4, "painted red");
  }
}
