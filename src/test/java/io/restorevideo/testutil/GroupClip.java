package io.restorevideo.testutil;

import java.nio.file.Path;

/** Clips made at test time from the public-domain group picture (golden/align-paste/group.png). */
public final class GroupClip {
  private GroupClip() {}

  /** {@code frames} frames at 10 fps of a slow zoom into the picture at {@code size} (WxH), with a sine tone. */
  public static Path zoom(Path dir, String size, int frames) {
    Path png = TinyModels.copy("/golden/align-paste/group.png", dir);
    Path clip = dir.resolve("group-" + size + "-" + frames + ".mp4");
    Ffmpeg.run(dir, "-loop", "1", "-i", png.toString(), "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
        "-filter_complex", "[0:v]zoompan=z='1+0.004*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=1:s=" + size
            + ":fps=10,format=yuv420p[v]", "-map", "[v]", "-map", "1:a", "-frames:v", "" + frames, "-t",
        "" + frames / 10.0, "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12", "-c:a", "aac", clip.toString());
    return clip;
  }
}
