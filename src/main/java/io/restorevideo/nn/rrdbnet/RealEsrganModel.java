package io.restorevideo.nn.rrdbnet;

import ai.djl.ndarray.NDManager;
import io.restorevideo.models.ModelResolver;
import io.restorevideo.models.ModelRole;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background-upsampler role of the model registry ({@code realesrgan}, RealESRGAN_x2plus.pth by
 * default, or the user's {@code --weights realesrgan=PATH}) turned into a network. Any RRDBNet scale loads:
 * the upsampler follows the checkpoint and the caller's outscale resizes as RealESRGANer does.
 */
public final class RealEsrganModel {
  private static final Logger LOG = LoggerFactory.getLogger(RealEsrganModel.class);

  private RealEsrganModel() {}

  /** The role's checkpoint (downloaded if needed) on {@code manager}'s device. */
  public static RrdbNet load(ModelResolver models, NDManager manager) {
    Path file = models.path(ModelRole.REALESRGAN);
    RrdbNet net = RrdbNet.load(file, manager);
    RrdbNetShape s = net.shape();
    LOG.info("background upsampler {}: RRDBNet x{} ({} blocks, {} features) on {}", file.getFileName(), s.scale(),
        s.numBlock(), s.numFeat(), manager.getDevice());
    return net;
  }
}
