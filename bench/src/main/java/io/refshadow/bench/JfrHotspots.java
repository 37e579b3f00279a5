package io.refshadow.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarizes the CPU samples ({@code jdk.ExecutionSample}) of a JFR recording made under refshadow:
 * the share of samples with refshadow code on the stack, which hook they came through, the topmost
 * refshadow method of each (where in refshadow the time went, whatever JDK code it called), and the
 * topmost frames overall. {@code bench/profile-workload} records and calls it.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.refshadow.bench.JfrHotspots recording.jfr [--top 15]
 * </pre>
 */
public final class JfrHotspots {
  private JfrHotspots() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int top = args.length > 2 && args[1].equals("--top") ? Integer.parseInt(args[2]) : 15;
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> topmostRefshadow = new HashMap<>();
    Map<String, Integer> hook = new HashMap<>();
    int total = 0;
    int inRefshadow = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
        continue;
      }
      List<RecordedFrame> frames = e.getStackTrace().getFrames();
      if (frames.isEmpty()) {
        continue;
      }
      total++;
      self.merge(name(frames.get(0)), 1, Integer::sum);
      String firstRefshadow = null;
      String hookMethod = null;
      for (RecordedFrame f : frames) {
        String type = f.getMethod().getType().getName();
        if (isRefshadow(type)) {
          if (firstRefshadow == null) {
            firstRefshadow = name(f);
          }
          if (type.equals("io.refshadow.Hooks")) {
            hookMethod = name(f); // the outermost Hooks frame: the hook instrumented code called
          }
        }
      }
      if (firstRefshadow != null) {
        inRefshadow++;
        topmostRefshadow.merge(firstRefshadow, 1, Integer::sum);
        hook.merge(hookMethod == null ? "(not under a hook)" : hookMethod, 1, Integer::sum);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d CPU samples; %d (%.1f%%) with refshadow code on the stack%n%n",
        total,
        inRefshadow,
        100.0 * inRefshadow / Math.max(1, total));
    print("hook (entry point) | samples | share of all", hook, total, top);
    print("topmost refshadow method | samples | share of all", topmostRefshadow, total, top);
    print("topmost frame (self time) | samples | share of all", self, total, top);
  }

  /** refshadow's own code: the runtime and agent, not the benchmark programs in this module. */
  static boolean isRefshadow(String type) {
    return type.startsWith("io.refshadow.") && !type.startsWith("io.refshadow.bench.");
  }

  static String name(RecordedFrame f) {
    String type = f.getMethod().getType().getName();
    return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
  }

  private static void print(String header, Map<String, Integer> counts, int total, int top) {
    System.out.println("| " + header + " |");
    System.out.println("|---|---:|---:|");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(top)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.1f%% |%n",
                    e.getKey(),
                    e.getValue(),
                    100.0 * e.getValue() / Math.max(1, total)));
    System.out.println();
  }
}
