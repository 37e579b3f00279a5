package io.refshadow.agent;

import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** The {@code jfr=} option: a recording started with the agent and written at exit. */
final class JfrOutput {
  private final Recording recording;
  private final Path file;

  private JfrOutput(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  static JfrOutput start(Path file) {
    try {
      Recording r = new Recording(Configuration.getConfiguration("default"));
      r.setName("refshadow");
      r.setToDisk(true);
      r.start();
      return new JfrOutput(r, file);
    } catch (Exception e) {
      System.err.println("refshadow: could not start the JFR recording for jfr=" + file + ": " + e);
      return null;
    }
  }

  void stop() {
    try {
      recording.stop();
      recording.dump(file);
      recording.close();
    } catch (Exception e) {
      System.err.println(
          "refshadow: could not write the JFR recording to "
              + file
              + " ("
              + e
              + "); check that its directory exists and is writable");
    }
  }
}
