package io.refshadow.agent;

import io.refshadow.heap.ShadowHeap;
import io.refshadow.jfr.JfrSupport;
import io.refshadow.jfr.RecordingSettings;

/**
 * The agent's JFR side: refshadow's events connected to the shadow heap (always, so that any
 * recording, {@code -XX:StartFlightRecording} or a later one, can enable them), and the recording
 * of the {@code jfr=} option, which JFR writes when the JVM exits, {@code System.exit} included.
 */
final class JfrOutput {
  private JfrOutput() {}

  static void install(AgentOptions options, ShadowHeap heap, AgentStats stats) {
    try {
      JfrSupport.install(
          heap,
          options.sample,
          () ->
              new long[] {
                stats.classesInstrumented.get(),
                stats.classesFailed.get() + stats.methodsFailed.get()
              });
    } catch (Throwable t) {
      // a JVM without the jdk.jfr module: the shadow heap and the summary work without events
      System.err.println("refshadow: JFR events unavailable in this JVM (" + t + ")");
      if (options.jfr != null) {
        System.err.println("refshadow: jfr=" + options.jfr + " ignored: no JFR in this JVM");
      }
      return;
    }
    if (options.jfr != null) {
      RecordingSettings.startRecording(options.jfr, options.jfrSettings);
    }
  }
}
