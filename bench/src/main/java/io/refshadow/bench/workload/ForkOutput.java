package io.refshadow.bench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * What one forked {@link WorkloadMain} printed: its timed repetitions (wall clock and the workload
 * thread's CPU time), how many warm-up repetitions it ran, and its checksum.
 */
public final class ForkOutput {
  /** Milliseconds of each timed repetition, in order. */
  public final List<Double> repMillis = new ArrayList<>();

  /** CPU time of the workload's thread in each timed repetition, in order (ms). */
  public final List<Double> cpuMillis = new ArrayList<>();

  /** Warm-up repetitions the fork ran (at least the number asked for), or -1 if not printed. */
  public int warmupReps = -1;

  /** The workload's checksum line's value, or null if the fork did not print one. */
  public String checksum;

  /** Parses the fork's standard output; lines it does not know are ignored. */
  public static ForkOutput parse(String stdout) {
    ForkOutput out = new ForkOutput();
    for (String line : stdout.split("\\R")) {
      String[] w = line.trim().split("\\s+");
      if (w.length == 3 && w[0].equals("rep")) {
        out.repMillis.add(Double.parseDouble(w[2]));
      } else if (w.length == 3 && w[0].equals("cpu")) {
        out.cpuMillis.add(Double.parseDouble(w[2]));
      } else if (w.length == 2 && w[0].equals("warmup")) {
        out.warmupReps = Integer.parseInt(w[1]);
      } else if (w.length == 2 && w[0].equals("checksum")) {
        out.checksum = w[1];
      }
    }
    return out;
  }

  /** Complete: as many repetitions as asked for, and a checksum. */
  public boolean complete(int reps) {
    return checksum != null && repMillis.size() == reps;
  }
}
