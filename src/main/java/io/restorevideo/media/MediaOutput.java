package io.restorevideo.media;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The output file: one re-encoded video stream plus a stream copy of every audio and subtitle stream the
 * container accepts. Packets are interleaved by timestamp in libavformat. Copied packets arrive from the
 * decoder thread and encoded ones from the encoder thread, so writes are serialised on this object.
 */
public final class MediaOutput implements AutoCloseable {
  /** Per-stream tags that describe the old encode and would be wrong on the new file. */
  private static final Set<String> STALE_TAGS =
      Set.of("encoder", "duration", "bps", "number_of_frames", "number_of_bytes", "_statistics_writing_app",
          "_statistics_writing_date_utc", "_statistics_tags", "handler_name", "vendor_id");

  private final String name;
  private final AVFormatContext oc;
  private final AVCodecContext encoder;
  private final AVStream videoOut;
  private final int[] copyMap;
  private final StreamTranscoder[] transcoders;
  /** Packets a transcoder just produced, written (and emptied) by the thread that fed it. */
  private final List<AVPacket> transcoded;
  private final List<String> streamSummary;
  private final AVPacket encoded = av_packet_alloc();
  private long videoPackets;
  private long lastVideoDts = AV_NOPTS_VALUE;
  private boolean finished;

  private MediaOutput(String name, AVFormatContext oc, AVCodecContext encoder, AVStream videoOut, int[] copyMap,
      StreamTranscoder[] transcoders, List<AVPacket> transcoded, List<String> streamSummary) {
    this.transcoders = transcoders;
    this.transcoded = transcoded;
    this.name = name;
    this.oc = oc;
    this.encoder = encoder;
    this.videoOut = videoOut;
    this.copyMap = copyMap;
    this.streamSummary = streamSummary;
  }

  /**
   * Opens {@code url} (a file path or {@code pipe:1}) with muxer {@code muxer}, sets up the encoder from the
   * input's video stream and the copies, and writes the header. {@code shownName} is used in messages.
   */
  public static MediaOutput open(String url, String shownName, String muxer, MediaInput in, EncoderSettings s,
      Consumer<String> warn) {
    AVFormatContext oc = outputContext(url, shownName, muxer);
    AVCodecContext enc = VideoEncoderSetup.open(shownName, muxer, oc.oformat(), in, s);
    AVStream vout = addVideoStream(oc, in.videoStream(), enc);
    OtherStreams other = new OtherStreams(in.context().nb_streams());
    other.summary.add("video " + enc.codec().name().getString() + " "
        + av_get_pix_fmt_name(enc.pix_fmt()).getString() + " (re-encoded from stream " + in.videoStream().index()
        + ")");
    for (int i = 0; i < in.context().nb_streams(); i++) {
      addOtherStream(oc, muxer, in, i, other, warn);
    }
    copyGlobalMetadata(in.context(), oc);
    writeHeader(oc, enc, url, shownName, muxer);
    return new MediaOutput(shownName, oc, enc, vout, other.map, other.transcoders, other.pending, other.summary);
  }

  /**
   * A video-only part of a segmented job: the encoder as {@link #open} sets it up (so every part of a video
   * has the same settings), a closed GOP, and no other stream: those are muxed once, at the join.
   */
  public static MediaOutput openVideoPart(String url, String shownName, String muxer, MediaInput in,
      EncoderSettings s, Consumer<String> warn) {
    AVFormatContext oc = outputContext(url, shownName, muxer);
    AVCodecContext enc = VideoEncoderSetup.open(shownName, muxer, oc.oformat(), in, s, true);
    AVStream vout = addVideoStream(oc, in.videoStream(), enc);
    OtherStreams other = new OtherStreams(in.context().nb_streams());
    other.summary.add("video " + enc.codec().name().getString() + " "
        + av_get_pix_fmt_name(enc.pix_fmt()).getString() + " (segment part of stream " + in.videoStream().index()
        + ")");
    writeHeader(oc, enc, url, shownName, muxer);
    return new MediaOutput(shownName, oc, enc, vout, other.map, other.transcoders, other.pending, other.summary);
  }

  /**
   * The join of a segmented job: a video stream with the parameters of {@code partVideo} (a part's stream,
   * whose packets {@link #writeVideoPacket} copies) and every other stream of {@code in} as {@link #open}
   * carries them.
   */
  public static MediaOutput openJoin(String url, String shownName, String muxer, MediaInput in, AVStream partVideo,
      Consumer<String> warn) {
    AVFormatContext oc = outputContext(url, shownName, muxer);
    AVStream vin = in.videoStream();
    AVStream vout = avformat_new_stream(oc, null);
    avcodec_parameters_copy(vout.codecpar(), partVideo.codecpar());
    vout.codecpar().codec_tag(0);
    vout.time_base(partVideo.time_base());
    vout.sample_aspect_ratio(partVideo.codecpar().sample_aspect_ratio());
    vout.avg_frame_rate(vin.avg_frame_rate());
    copySideData(vin.codecpar(), vout.codecpar());
    copyTags(vin, vout);
    vout.disposition(vin.disposition());
    OtherStreams other = new OtherStreams(in.context().nb_streams());
    other.summary.add("video " + avcodec_get_name(vout.codecpar().codec_id()).getString()
        + " (joined from the segment parts)");
    for (int i = 0; i < in.context().nb_streams(); i++) {
      addOtherStream(oc, muxer, in, i, other, warn);
    }
    copyGlobalMetadata(in.context(), oc);
    writeHeader(oc, null, url, shownName, muxer);
    return new MediaOutput(shownName, oc, null, vout, other.map, other.transcoders, other.pending, other.summary);
  }

  private static void freeEncoder(AVCodecContext enc) {
    if (enc != null) {
      avcodec_free_context(enc);
    }
  }

  /** Where each input stream goes: its output index (-1 = not carried), its transcoder, and a summary line. */
  private static final class OtherStreams {
    final int[] map;
    final StreamTranscoder[] transcoders;
    final List<AVPacket> pending = new ArrayList<>();
    final List<String> summary = new ArrayList<>();

    OtherStreams(int inputStreams) {
      map = new int[inputStreams];
      transcoders = new StreamTranscoder[inputStreams];
      java.util.Arrays.fill(map, -1);
    }
  }

  private static AVFormatContext outputContext(String url, String shownName, String muxer) {
    AVFormatContext oc = new AVFormatContext(null);
    int ret = avformat_alloc_output_context2(oc, null, muxer, url);
    if (ret < 0) {
      throw new MediaException(shownName + ": cannot create a " + muxer + " file (" + FfmpegError.describe(ret) + ")");
    }
    return oc;
  }

  /** The re-encoded video stream, with the input's frame rate, side data, tags and disposition. */
  private static AVStream addVideoStream(AVFormatContext oc, AVStream vin, AVCodecContext enc) {
    AVStream vout = avformat_new_stream(oc, null);
    avcodec_parameters_from_context(vout.codecpar(), enc);
    vout.time_base(enc.time_base());
    vout.avg_frame_rate(vin.avg_frame_rate());
    vout.sample_aspect_ratio(enc.sample_aspect_ratio());
    copySideData(vin.codecpar(), vout.codecpar());
    copyTags(vin, vout);
    vout.disposition(vin.disposition());
    return vout;
  }

  /**
   * Input stream {@code i} other than the main video: audio and subtitles are copied, or transcoded when the
   * container cannot hold their codec (with a warning), or left out with a warning; other types are left out.
   */
  private static void addOtherStream(AVFormatContext oc, String muxer, MediaInput in, int i, OtherStreams other,
      Consumer<String> warn) {
    AVStream vin = in.videoStream();
    AVStream st = in.context().streams(i);
    int type = st.codecpar().codec_type();
    if (i != vin.index() && type != AVMEDIA_TYPE_UNKNOWN && ContainerFormat.videoOnly(muxer)) {
      warn.accept(in.name() + ": stream " + i + " (" + av_get_media_type_string(type).getString()
          + ") is left out: a " + muxer + " stream carries video only");
      return;
    }
    if (i == vin.index() || (type != AVMEDIA_TYPE_AUDIO && type != AVMEDIA_TYPE_SUBTITLE)) {
      if (i != vin.index() && type != AVMEDIA_TYPE_UNKNOWN) {
        warn.accept(in.name() + ": stream " + i + " (" + av_get_media_type_string(type).getString()
            + ") is not carried over: only video, audio and subtitle streams are");
      }
      return;
    }
    if (avformat_query_codec(oc.oformat(), st.codecpar().codec_id(), FF_COMPLIANCE_NORMAL) == 0) {
      addTranscoded(oc, muxer, in, i, other, warn);
      return;
    }
    AVStream os = avformat_new_stream(oc, null);
    avcodec_parameters_copy(os.codecpar(), st.codecpar());
    os.codecpar().codec_tag(0);
    os.time_base(st.time_base());
    os.disposition(st.disposition());
    copyTags(st, os);
    other.map[i] = os.index();
    other.summary.add(av_get_media_type_string(type).getString() + " "
        + avcodec_get_name(st.codecpar().codec_id()).getString() + " (copied from stream " + i + ")");
  }

  /** An audio or text subtitle stream whose codec the container cannot hold, re-encoded to one it can. */
  private static void addTranscoded(AVFormatContext oc, String muxer, MediaInput in, int i, OtherStreams other,
      Consumer<String> warn) {
    AVStream st = in.context().streams(i);
    AVOutputFormat of = oc.oformat();
    int type = st.codecpar().codec_type();
    String codecName = avcodec_get_name(st.codecpar().codec_id()).getString();
    String kind = av_get_media_type_string(type).getString();
    String encName = type == AVMEDIA_TYPE_AUDIO ? AudioTranscoder.encoderFor(muxer)
        : SubtitleTranscoder.isText(st) ? SubtitleTranscoder.encoderFor(muxer) : null;
    if (encName == null) {
      warn.accept(in.name() + ": " + kind + " stream " + i + " (" + codecName + ") cannot be stored in " + muxer
          + (type == AVMEDIA_TYPE_SUBTITLE && !SubtitleTranscoder.isText(st) ? " and, being a bitmap, cannot "
              + "become text: left out" : ", which holds no subtitles: left out"));
      return;
    }
    int index = oc.nb_streams();
    List<AVPacket> pending = other.pending;
    Consumer<AVPacket> collect = p -> pending.add(av_packet_clone(p));
    StreamTranscoder t = type == AVMEDIA_TYPE_AUDIO
        ? AudioTranscoder.open(in.name(), st, encName, (of.flags() & AVFMT_GLOBALHEADER) != 0, collect)
        : SubtitleTranscoder.open(in.name(), st, encName, collect);
    AVStream os = avformat_new_stream(oc, null);
    avcodec_parameters_from_context(os.codecpar(), t.encoder());
    os.time_base(t.encoder().time_base());
    os.disposition(st.disposition());
    copyTags(st, os);
    other.map[i] = index;
    other.transcoders[i] = t;
    warn.accept(in.name() + ": " + kind + " stream " + i + " (" + codecName + ") cannot be stored in " + muxer
        + ": transcoded to " + encName);
    other.summary.add(kind + " " + encName + " (transcoded from stream " + i + " " + codecName + ")");
  }

  /** The input's global tags, without its {@code encoder} tag (this file has another encoder). */
  private static void copyGlobalMetadata(AVFormatContext ic, AVFormatContext oc) {
    AVDictionary global = new AVDictionary(null);
    av_dict_copy(global, ic.metadata(), 0);
    av_dict_set(global, "encoder", (String) null, 0);
    oc.metadata(global);
  }

  /** Opens the file (unless the muxer needs none) and writes the header; on failure frees what was made. */
  private static void writeHeader(AVFormatContext oc, AVCodecContext enc, String url, String shownName,
      String muxer) {
    if ((oc.oformat().flags() & AVFMT_NOFILE) == 0) {
      AVIOContext pb = new AVIOContext(null);
      int ret = avio_open(pb, url, AVIO_FLAG_WRITE);
      if (ret < 0) {
        freeEncoder(enc);
        avformat_free_context(oc);
        throw new MediaException(shownName + ": cannot write (" + FfmpegError.describe(ret) + ")");
      }
      oc.pb(pb);
    }
    AVDictionary muxOpts = new AVDictionary(null);
    if (url.startsWith("pipe:") && (muxer.equals("mp4") || muxer.equals("mov"))) {
      // a pipe cannot seek back to write the index, so write a fragmented file
      av_dict_set(muxOpts, "movflags", "frag_keyframe+empty_moov+default_base_moof", 0);
    }
    int ret = avformat_write_header(oc, muxOpts);
    av_dict_free(muxOpts);
    if (ret < 0) {
      freeEncoder(enc);
      avio_close(oc.pb());
      avformat_free_context(oc);
      throw new MediaException(shownName + ": cannot write the " + muxer + " header (" + FfmpegError.describe(ret)
          + ")");
    }
  }

  /** Side data that describes the picture (not the old encode), so it must survive re-encoding. */
  private static final Set<Integer> PICTURE_SIDE_DATA = Set.of(AV_PKT_DATA_DISPLAYMATRIX,
      AV_PKT_DATA_MASTERING_DISPLAY_METADATA, AV_PKT_DATA_CONTENT_LIGHT_LEVEL, AV_PKT_DATA_STEREO3D,
      AV_PKT_DATA_SPHERICAL);

  private static void copySideData(AVCodecParameters from, AVCodecParameters to) {
    for (int i = 0; i < from.nb_coded_side_data(); i++) {
      AVPacketSideData sd = from.coded_side_data().getPointer(i);
      if (!PICTURE_SIDE_DATA.contains(sd.type())) {
        continue;
      }
      // the array may be reallocated: pass the parameters' own pointer and count by reference and store them back
      PointerPointer<AVPacketSideData> array = new PointerPointer<>(1);
      array.put(0, to.coded_side_data());
      IntPointer count = new IntPointer(1).put(to.nb_coded_side_data());
      AVPacketSideData added = av_packet_side_data_new(array, count, sd.type(), sd.size(), 0);
      to.coded_side_data(new AVPacketSideData(array.get(0)));
      to.nb_coded_side_data(count.get());
      if (added != null && !added.isNull()) {
        new BytePointer(added.data()).capacity(sd.size()).put(new BytePointer(sd.data()).capacity(sd.size()));
      }
    }
  }

  private static void copyTags(AVStream from, AVStream to) {
    AVDictionaryEntry e = null;
    AVDictionary dict = from.metadata();
    AVDictionary out = new AVDictionary(null);
    while ((e = av_dict_get(dict, "", e, AV_DICT_IGNORE_SUFFIX)) != null && !e.isNull()) {
      String key = e.key().getString();
      String lower = key.toLowerCase(java.util.Locale.ROOT);
      if (!STALE_TAGS.contains(lower) && !lower.startsWith("duration") && !lower.startsWith("number_of")) {
        av_dict_set(out, key, e.value().getString(), 0);
      }
    }
    to.metadata(out);
  }

  /** The encoder frames must match: width, height, pixel format, colour. */
  public AVCodecContext encoder() {
    return encoder;
  }

  /** One line per output stream, for the job summary. */
  public List<String> streams() {
    return List.copyOf(streamSummary);
  }

  /** Writes a copy of a packet of an input stream that is carried over; ignores streams that are not. */
  public synchronized void writeCopied(AVPacket pkt, AVStream from) {
    int target = copyMap[from.index()];
    if (target < 0 || finished) {
      return;
    }
    StreamTranscoder t = transcoders[from.index()];
    if (t != null) {
      t.push(pkt);
      writeTranscoded(t, target);
      return;
    }
    write(av_packet_clone(pkt), from.time_base(), target);
  }

  private void writeTranscoded(StreamTranscoder t, int target) {
    for (AVPacket p : transcoded) {
      write(p, t.encoder().time_base(), target);
    }
    transcoded.clear();
  }

  /** Writes (and frees) a packet whose timestamps are in {@code tb}. */
  private void write(AVPacket p, org.bytedeco.ffmpeg.avutil.AVRational tb, int target) {
    AVStream os = oc.streams(target);
    av_packet_rescale_ts(p, tb, os.time_base());
    p.stream_index(target);
    p.pos(-1);
    int ret = av_interleaved_write_frame(oc, p);
    av_packet_free(p);
    if (ret < 0) {
      throw new MediaException(name + ": cannot write a packet of stream " + target + " (" + FfmpegError.describe(ret)
          + ")");
    }
  }

  /** A pts of the input video stream in the encoder's time base. */
  public long encoderPts(long inputPts, org.bytedeco.ffmpeg.avutil.AVRational inputTimeBase) {
    return av_rescale_q(inputPts, inputTimeBase, encoder.time_base());
  }

  /** Encodes one frame (pts in the encoder's time base); null drains the encoder. */
  public void encode(AVFrame frame) {
    int ret = avcodec_send_frame(encoder, frame);
    if (ret < 0 && !(frame == null && ret == AVERROR_EOF())) {
      throw new MediaException(name + ": video encoder failed (" + FfmpegError.describe(ret) + ")");
    }
    while (true) {
      ret = avcodec_receive_packet(encoder, encoded);
      if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF()) {
        return;
      }
      if (ret < 0) {
        throw new MediaException(name + ": video encoder failed (" + FfmpegError.describe(ret) + ")");
      }
      writeEncoded();
    }
  }

  private synchronized void writeEncoded() {
    av_packet_rescale_ts(encoded, encoder.time_base(), videoOut.time_base());
    encoded.stream_index(videoOut.index());
    int ret = av_interleaved_write_frame(oc, encoded);
    av_packet_unref(encoded);
    if (ret < 0) {
      throw new MediaException(name + ": cannot write a video packet (" + FfmpegError.describe(ret) + ")");
    }
    videoPackets++;
  }

  /** Writes a copy of a video packet whose timestamps are in {@code tb} (for the join of parts). */
  public synchronized void writeVideoPacket(AVPacket pkt, org.bytedeco.ffmpeg.avutil.AVRational tb) {
    AVPacket p = av_packet_clone(pkt);
    av_packet_rescale_ts(p, tb, videoOut.time_base());
    // Matroska stores no dts: its demuxer leaves the first packets of a part without one, and the muxer
    // wants them increasing; any increasing dts not above the pts will do, since none is stored there
    if (p.dts() == AV_NOPTS_VALUE || (lastVideoDts != AV_NOPTS_VALUE && p.dts() <= lastVideoDts)) {
      p.dts(lastVideoDts == AV_NOPTS_VALUE ? p.pts() : Math.min(p.pts(), lastVideoDts + 1));
    }
    lastVideoDts = p.dts();
    write(p, videoOut.time_base(), videoOut.index());
    videoPackets++;
  }

  /** Drains the encoder and writes the trailer; the file is complete afterwards. */
  public void finish() {
    if (encoder != null) {
      encode(null);
    }
    synchronized (this) {
      for (int i = 0; i < transcoders.length; i++) {
        if (transcoders[i] != null) {
          transcoders[i].finish();
          writeTranscoded(transcoders[i], copyMap[i]);
        }
      }
      int ret = av_write_trailer(oc);
      finished = true;
      if (ret < 0) {
        throw new MediaException(name + ": cannot finish the file (" + FfmpegError.describe(ret) + ")");
      }
    }
  }

  public long videoPackets() {
    return videoPackets;
  }

  @Override
  public synchronized void close() {
    finished = true;
    av_packet_free(encoded);
    for (StreamTranscoder t : transcoders) {
      if (t != null) {
        t.close();
      }
    }
    freeEncoder(encoder);
    if ((oc.oformat().flags() & AVFMT_NOFILE) == 0 && oc.pb() != null) {
      avio_close(oc.pb());
    }
    avformat_free_context(oc);
  }
}
