package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avfilter.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * An FFmpeg filter graph over decoded video frames ({@code buffer -> DESCRIPTION -> buffersink}), e.g.
 * {@code bwdif=mode=send_frame} or {@code hqdn3d=4}. Frames keep their pts. Not thread-safe.
 */
public final class VideoFilter implements AutoCloseable {
  private final AVFilterGraph graph;
  private final AVFilterContext source;
  private final AVFilterContext sink;
  private final String description;
  private final AVRational timeBase;

  /** A graph for frames of this size, pixel format and time base (pts units). */
  public VideoFilter(String description, int width, int height, int pixelFormat, AVRational timeBase,
      AVRational aspect) {
    this.description = description;
    this.timeBase = av_make_q(timeBase.num(), timeBase.den());
    graph = avfilter_graph_alloc();
    source = new AVFilterContext().retainReference();
    sink = new AVFilterContext().retainReference();
    int sarNum = aspect == null || aspect.num() <= 0 ? 1 : aspect.num();
    int sarDen = aspect == null || aspect.den() <= 0 ? 1 : aspect.den();
    String args = String.format(java.util.Locale.ROOT, "video_size=%dx%d:pix_fmt=%d:time_base=%d/%d:pixel_aspect=%d/%d",
        width, height, pixelFormat, timeBase.num(), timeBase.den(), sarNum, sarDen);
    check(avfilter_graph_create_filter(source, avfilter_get_by_name("buffer"), "in", args, null, graph), "buffer");
    check(avfilter_graph_create_filter(sink, avfilter_get_by_name("buffersink"), "out", null, null, graph),
        "buffersink");
    AVFilterInOut outputs = avfilter_inout_alloc();
    AVFilterInOut inputs = avfilter_inout_alloc();
    outputs.name(av_strdup(new org.bytedeco.javacpp.BytePointer("in"))).filter_ctx(source).pad_idx(0).next(null);
    inputs.name(av_strdup(new org.bytedeco.javacpp.BytePointer("out"))).filter_ctx(sink).pad_idx(0).next(null);
    try {
      check(avfilter_graph_parse_ptr(graph, description, inputs, outputs, null), description);
      check(avfilter_graph_config(graph, null), description);
    } finally {
      avfilter_inout_free(inputs);
      avfilter_inout_free(outputs);
    }
  }

  private void check(int ret, String what) {
    if (ret < 0) {
      avfilter_graph_free(graph);
      throw new MediaException("video filter " + what + ": " + FfmpegError.describe(ret));
    }
  }

  /** Feeds a frame (kept by the caller: the graph takes its own reference); null ends the stream. */
  public void push(AVFrame frame) {
    int ret = av_buffersrc_add_frame_flags(source, frame, frame == null ? 0 : AV_BUFFERSRC_FLAG_KEEP_REF);
    if (ret < 0) {
      throw new MediaException("video filter " + description + ": " + FfmpegError.describe(ret));
    }
  }

  /** Moves the next filtered frame into {@code target}; false when the graph needs more input or has ended. */
  public boolean pull(AVFrame target) {
    av_frame_unref(target);
    int ret = av_buffersink_get_frame(sink, target);
    if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF()) {
      return false;
    }
    if (ret < 0) {
      throw new MediaException("video filter " + description + ": " + FfmpegError.describe(ret));
    }
    // deinterlacers halve the time base (they could double the rate): give the pts back in the input's units
    AVRational out = av_buffersink_get_time_base(sink);
    if (target.pts() != AV_NOPTS_VALUE) {
      target.pts(av_rescale_q(target.pts(), out, timeBase));
    }
    target.duration(av_rescale_q(target.duration(), out, timeBase));
    return true;
  }

  @Override
  public void close() {
    avfilter_graph_free(graph);
  }
}
