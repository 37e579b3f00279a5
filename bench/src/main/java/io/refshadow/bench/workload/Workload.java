package io.refshadow.bench.workload;

/**
 * One repetition of a real library's work; returns a checksum that must not depend on the agent.
 */
public interface Workload {
  long run() throws Exception;

  /** The workload called {@code name} ({@code jackson} or {@code h2}) with its size. */
  static Workload named(String name, int size) {
    switch (name) {
      case "jackson":
        return new JacksonWorkload(size);
      case "h2":
        return new H2Workload(size);
      default:
        throw new IllegalArgumentException("unknown workload '" + name + "': jackson or h2");
    }
  }
}
