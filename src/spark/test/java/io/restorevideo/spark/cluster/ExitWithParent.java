package io.restorevideo.spark.cluster;

import java.io.IOException;
import java.io.InputStream;

/**
 * Runs a Spark daemon's main class and ends the JVM when the test JVM that started it goes away, however it goes
 * (even SIGKILL, where no shutdown hook runs): the parent holds this process's stdin open, so end of input means
 * the parent is gone. {@code System.exit} runs the daemon's own hooks (a Worker kills its executors in one).
 */
public final class ExitWithParent {
  private ExitWithParent() {}

  /** {@code ExitWithParent MAIN_CLASS ARGS...}. */
  public static void main(String[] args) throws Exception {
    Thread watch = new Thread(ExitWithParent::exitAtEndOfInput, "exit-with-parent");
    watch.setDaemon(true);
    watch.start();
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
  }

  private static void exitAtEndOfInput() {
    InputStream in = System.in;
    byte[] buf = new byte[64];
    try {
      while (in.read(buf) >= 0) {
        // nothing is ever written; reading only waits for the end
      }
    } catch (IOException e) {
      // a broken pipe means the same as its end
    }
    System.err.println("ExitWithParent: the test JVM is gone, exiting");
    System.exit(143);
  }
}
