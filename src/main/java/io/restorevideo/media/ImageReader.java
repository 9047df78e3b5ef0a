package io.restorevideo.media;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Still images read as the official code does ({@code cv2.imread(path, IMREAD_COLOR)}): 8-bit BGR, gray
 * expanded to three channels, alpha dropped. Every failure is a {@link MediaException} naming the file.
 */
public final class ImageReader {
  private ImageReader() {}

  public static Mat readBgr(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new MediaException(file + ": no such image file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MediaException(file + ": cannot read image (" + e.getMessage() + ")");
    }
    if (bytes.length == 0) {
      throw new MediaException(file + ": image file is empty (0 bytes)");
    }
    try (BytePointer p = new BytePointer(bytes); Mat buf = new Mat(1, bytes.length, opencv_core.CV_8UC1, p)) {
      Mat img = imdecode(buf, IMREAD_COLOR);
      if (img == null || img.empty()) {
        throw new MediaException(file + ": not a readable image (unknown format or corrupt data)");
      }
      return img;
    }
  }
}
