package io.refshadow;

import io.refshadow.heap.MemoryTracer;
import io.refshadow.heap.PyApi;
import io.refshadow.heap.PymallocModel;
import io.refshadow.heap.ShadowHeap;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code tracemalloc}, answered by the shadow heap, and what pymalloc would hold.
 *
 * <p>{@link #start()} begins tracing, as {@code tracemalloc.start()}: from then on every object
 * instrumented code allocates is counted with its shallow size ({@link Sys#getSizeOf}) until the
 * shadow heap frees it, by refcount or by the cycle detector. {@link #getTracedMemory()} is {@code
 * tracemalloc.get_traced_memory()}: the current and the peak bytes; {@link #resetPeak()} is {@code
 * tracemalloc.reset_peak()}. Objects that existed before tracing started are not counted.
 *
 * <p>{@link #pymalloc()} tells what CPython's small-object allocator ({@code Objects/obmalloc.c})
 * would hold from the operating system for the same objects: objects of at most 512 bytes in
 * 16-byte size classes, 16 KiB pools of one size class each, 1 MiB arenas returned only when all
 * their pools are empty. {@link #byType()} counts the traced objects per type.
 *
 * <p>Without the agent every method throws {@link IllegalStateException} that names the {@code
 * -javaagent} flag.
 */
public final class Memory {
  private Memory() {}

  /** One type's live objects and their shallow bytes. */
  public record TypeStat(String type, long count, long bytes) {}

  /**
   * What pymalloc would hold for the traced objects.
   *
   * @param arenas 1 MiB arenas held from the operating system ({@code # arenas allocated current}
   *     in {@code sys._debugmallocstats()})
   * @param pools 16 KiB pools in use (not empty)
   * @param blocks small objects (at most 512 bytes), each in a block of its size class
   * @param blockBytes bytes of those blocks (each object rounded up to a multiple of 16)
   * @param largeObjects objects larger than 512 bytes, served by the system allocator
   * @param largeBytes their bytes (returned to the system as soon as they are freed)
   * @param heldBytes what the process holds: the arenas' bytes plus the large objects' bytes
   */
  public record Pymalloc(
      long arenas,
      long pools,
      long blocks,
      long blockBytes,
      long largeObjects,
      long largeBytes,
      long heldBytes) {
    /** Bytes of the arenas not used by any live block: held, but not returned to the system. */
    public long idleBytes() {
      return arenas * PymallocModel.ARENA_SIZE - blockBytes;
    }
  }

  /** {@code tracemalloc.start()}: counts every allocation from now on (once started, a no-op). */
  public static void start() {
    MemoryTracer.start();
  }

  /** {@code tracemalloc.stop()}: stops tracing and forgets what was counted. */
  public static void stop() {
    MemoryTracer.stop();
  }

  /** {@code tracemalloc.is_tracing()}. */
  public static boolean isTracing() {
    return MemoryTracer.isTracing();
  }

  /**
   * {@code tracemalloc.get_traced_memory()}: {@code {current, peak}} shadow bytes of the traced
   * objects still alive, and the most there were since tracing started or the peak was reset;
   * {@code {0, 0}} when not tracing.
   */
  public static long[] getTracedMemory() {
    ShadowHeap.require();
    if (!MemoryTracer.isTracing()) {
      return new long[] {0, 0};
    }
    return PyApi.call(
        h -> {
          MemoryTracer t = MemoryTracer.require(h);
          return new long[] {t.currentBytes(), t.peakBytes()};
        });
  }

  /** {@code tracemalloc.reset_peak()}: the peak becomes the current size. */
  public static void resetPeak() {
    PyApi.run(h -> MemoryTracer.require(h).resetPeak());
  }

  /** What pymalloc would hold for the objects traced and alive (tracing must have started). */
  public static Pymalloc pymalloc() {
    // figures read under the heap's lock, the record made after it (as Gc.getStats does)
    long[] f =
        PyApi.call(
            h -> {
              PymallocModel p = MemoryTracer.require(h).pymalloc();
              return new long[] {
                p.arenas(),
                p.pools(),
                p.blocks(),
                p.blockBytes(),
                p.largeObjects(),
                p.largeBytes(),
                p.heldBytes()
              };
            });
    return new Pymalloc(f[0], f[1], f[2], f[3], f[4], f[5], f[6]);
  }

  /** The traced objects still alive, per type, most bytes first (tracing must have started). */
  public static List<TypeStat> byType() {
    List<MemoryTracer.TypeStat> stats = PyApi.call(h -> MemoryTracer.require(h).byType());
    List<TypeStat> out = new ArrayList<>();
    for (MemoryTracer.TypeStat s : stats) {
      out.add(new TypeStat(s.type(), s.count(), s.bytes()));
    }
    return out;
  }
}
