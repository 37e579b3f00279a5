package io.refshadow.jfr;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * refshadow's JFR settings ({@code .jfc} files shipped at the root of the agent jar) and the
 * recording of the agent option {@code jfr=}. Needs no runtime class, so the command line can use
 * it too.
 */
public final class RecordingSettings {
  private RecordingSettings() {}

  /**
   * Starts the recording of the agent option {@code jfr=}: refshadow's events and the JVM's GC
   * events, written to {@code file} when the JVM exits (System.exit included).
   *
   * @param settings {@code default}, {@code detailed}, or the path of a .jfc file
   * @return null (after printing why) when the recording could not start
   */
  public static Recording startRecording(Path file, String settings) {
    try {
      Recording r = new Recording(configuration(settings));
      r.setName("refshadow");
      r.setToDisk(true);
      r.setDestination(file);
      r.setDumpOnExit(true);
      r.start();
      return r;
    } catch (Exception e) {
      System.err.println(
          "refshadow: could not start the JFR recording for jfr=" + file + ": " + e.getMessage());
      return null;
    }
  }

  /** The settings named {@code default}, {@code detailed}, or in a .jfc file. */
  public static Configuration configuration(String settings) throws IOException, ParseException {
    if (settings == null || settings.equals("default")) {
      return bundled(EventNames.SETTINGS_DEFAULT);
    }
    if (settings.equals("detailed")) {
      return bundled(EventNames.SETTINGS_DETAILED);
    }
    Path p = Path.of(settings);
    if (!Files.isRegularFile(p)) {
      throw new IOException("no settings file " + p + " (use default, detailed or a .jfc file)");
    }
    return Configuration.create(p);
  }

  private static Configuration bundled(String name) throws IOException, ParseException {
    try (Reader r = new InputStreamReader(bundledSettings(name), StandardCharsets.UTF_8)) {
      return Configuration.create(r);
    }
  }

  /** A settings file shipped in the agent jar ({@link EventNames#SETTINGS_DEFAULT} or detailed). */
  public static InputStream bundledSettings(String name) throws IOException {
    InputStream in = RecordingSettings.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IOException("the agent jar has no " + name);
    }
    return in;
  }
}
