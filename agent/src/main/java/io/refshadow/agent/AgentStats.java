package io.refshadow.agent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What the instrumentation did: classes and methods rewritten, and what failed. */
final class AgentStats {
  final AtomicLong classesInstrumented = new AtomicLong();
  final AtomicLong methodsInstrumented = new AtomicLong();
  final AtomicLong classesFailed = new AtomicLong();
  final AtomicLong methodsFailed = new AtomicLong();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final boolean verbose;

  AgentStats(boolean verbose) {
    this.verbose = verbose;
  }

  void methodFailed(String method, Throwable t) {
    methodsFailed.incrementAndGet();
    report("method " + method, t);
  }

  void classFailed(String type, Throwable t) {
    classesFailed.incrementAndGet();
    report("class " + type, t);
  }

  /** The first failure is always printed; later ones only with {@code verbose}. */
  private void report(String what, Throwable t) {
    if (reported.isEmpty() || verbose) {
      if (reported.add(what)) {
        System.err.println(
            "refshadow: could not instrument "
                + what
                + ", left unchanged: "
                + t
                + (verbose ? "" : " (further failures are counted; add verbose to list them)"));
      }
    }
  }
}
