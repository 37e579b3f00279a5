package io.refshadow.jfr;

import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The three clocks of sampled objects (DESIGN.md): allocation, Python's free (by refcount or by the
 * cycle detector) and the JVM's reclaim, seen when the object's phantom reference is enqueued. A
 * sample becomes a {@code refshadow.Lifetime} event once it has both ends, or at exit with what is
 * known.
 *
 * <p>The heap listener calls {@link #sample}, {@link #take} and {@link #freed} with the heap's lock
 * held; the reaper thread and the exit flush never take that lock. Everything here is guarded by
 * this object's monitor (lock order: heap, then sampler), and uses no {@code java.util} collection,
 * which may be instrumented and would then be mirrored from the reaper thread.
 */
final class LifetimeSampler {
  /** A sampled object; enqueued by the JVM when it reclaims the object. */
  static final class Sample extends PhantomReference<Object> {
    final String type;
    final long size;
    final long bornNanos;
    final long bornMillis;

    /** The allocating stack, innermost first, one frame a line; null when not captured. */
    final String stack;

    /** False for an object kept only for its allocation stack (no Lifetime event). */
    final boolean lifetime;

    /** The object's pymalloc handle (its node's listener data names this sample instead). */
    final long poolHandle;

    long freedNanos = -1;
    boolean byCycles;
    long reclaimedNanos = -1;
    Sample prev, next;

    Sample(
        Object referent,
        ReferenceQueue<Object> queue,
        String type,
        long size,
        long bornNanos,
        String stack,
        boolean lifetime,
        long poolHandle) {
      super(referent, queue);
      this.type = type;
      this.size = size;
      this.bornNanos = bornNanos;
      this.bornMillis = System.currentTimeMillis() - (System.nanoTime() - bornNanos) / 1_000_000;
      this.stack = stack;
      this.lifetime = lifetime;
      this.poolHandle = poolHandle;
    }

    String site() {
      if (stack == null || stack.isEmpty()) {
        return "";
      }
      int nl = stack.indexOf('\n');
      return nl < 0 ? stack : stack.substring(0, nl);
    }
  }

  private static final int STACK_DEPTH = 12;
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final StackFormatter FORMATTER = new StackFormatter();

  private final double rate;
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
  private long random = 0x9E3779B97F4A7C15L;

  /** Samples by slot; a sampled node's listener data holds its slot. */
  private Sample[] slots = new Sample[64];

  private int[] freeSlots = new int[64];
  private int freeCount;
  private int used;

  /** Lifetime samples still waiting for a clock, newest first. */
  private Sample pending;

  private boolean closed;

  LifetimeSampler(double rate) {
    this.rate = rate;
  }

  double rate() {
    return rate;
  }

  /**
   * Starts the daemon thread that notes the JVM's reclaims (refshadow's own work, not mirrored).
   */
  void startReaper(io.refshadow.heap.ShadowHeap heap) {
    Thread t =
        new Thread(
            () -> {
              heap.suppressThread();
              reap();
            },
            "refshadow-lifetimes");
    t.setDaemon(true);
    t.start();
  }

  /** Whether to sample the next allocation (heap lock held: the generator is not shared). */
  boolean shouldSample() {
    if (rate <= 0) {
      return false;
    }
    if (rate >= 1) {
      return true;
    }
    random ^= random << 13;
    random ^= random >>> 7;
    random ^= random << 17;
    return (random >>> 11) * 0x1.0p-53 < rate;
  }

  /**
   * Registers a sampled object and returns its slot. {@code lifetime} false keeps it only for its
   * allocation stack.
   */
  synchronized int sample(
      Object obj, String type, long size, long bornNanos, long poolHandle, boolean lifetime) {
    String stack = captureStack();
    Sample s =
        new Sample(
            lifetime ? obj : null,
            lifetime ? queue : null,
            type,
            size,
            bornNanos,
            stack,
            lifetime && !closed,
            poolHandle);
    int slot;
    if (freeCount > 0) {
      slot = freeSlots[--freeCount];
    } else {
      if (used == slots.length) {
        Sample[] bigger = new Sample[slots.length * 2];
        System.arraycopy(slots, 0, bigger, 0, slots.length);
        slots = bigger;
      }
      slot = used++;
    }
    slots[slot] = s;
    if (s.lifetime) {
      link(s);
    }
    return slot;
  }

  /** The sample in {@code slot}, without releasing it. */
  synchronized Sample peek(int slot) {
    return slot >= 0 && slot < used ? slots[slot] : null;
  }

  /** Releases {@code slot} (its node is being freed) and returns its sample. */
  synchronized Sample take(int slot) {
    if (slot < 0 || slot >= used || slots[slot] == null) {
      return null;
    }
    Sample s = slots[slot];
    slots[slot] = null;
    if (freeCount == freeSlots.length) {
      int[] bigger = new int[freeSlots.length * 2];
      System.arraycopy(freeSlots, 0, bigger, 0, freeCount);
      freeSlots = bigger;
    }
    freeSlots[freeCount++] = slot;
    return s;
  }

  /** Python's rules freed the sampled object now. */
  synchronized void freed(Sample s, boolean byCycles, long nanos) {
    if (!s.lifetime || s.freedNanos >= 0) {
      return;
    }
    s.freedNanos = nanos;
    s.byCycles = byCycles;
    if (s.reclaimedNanos >= 0) {
      finish(s);
    }
  }

  private synchronized void reclaimed(Sample s, long nanos) {
    if (s.reclaimedNanos >= 0 || !s.lifetime) {
      return;
    }
    s.reclaimedNanos = nanos;
    if (s.freedNanos >= 0) {
      finish(s);
    }
  }

  /**
   * At exit: every sample still waiting becomes an event with the clocks it has, and sampling
   * stops.
   */
  synchronized void flushAtExit() {
    closed = true;
    while (pending != null) {
      finish(pending);
    }
  }

  private void finish(Sample s) {
    unlink(s);
    s.clear();
    LifetimeEvent e = new LifetimeEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.objectClass = s.type;
    e.size = s.size;
    e.allocationTime = s.bornMillis;
    e.allocationSite = s.site();
    boolean freed = s.freedNanos >= 0;
    boolean reclaimed = s.reclaimedNanos >= 0;
    e.freedByPython = freed;
    e.freedBy =
        !freed
            ? EventNames.NOT_FREED_VALUE
            : s.byCycles ? EventNames.FREED_BY_CYCLES_VALUE : EventNames.FREED_BY_REFCOUNT_VALUE;
    if (freed) {
      e.pythonLifetime = s.freedNanos - s.bornNanos;
      e.pythonFreeTime = s.bornMillis + e.pythonLifetime / 1_000_000;
    }
    e.reclaimedByJvm = reclaimed;
    if (reclaimed) {
      e.jvmLifetime = s.reclaimedNanos - s.bornNanos;
      e.jvmReclaimTime = s.bornMillis + e.jvmLifetime / 1_000_000;
    }
    if (freed && reclaimed) {
      e.drag = s.reclaimedNanos - s.freedNanos;
    }
    e.commit();
  }

  private void link(Sample s) {
    s.next = pending;
    s.prev = null;
    if (pending != null) {
      pending.prev = s;
    }
    pending = s;
  }

  private void unlink(Sample s) {
    if (s.prev != null) {
      s.prev.next = s.next;
    } else if (pending == s) {
      pending = s.next;
    }
    if (s.next != null) {
      s.next.prev = s.prev;
    }
    s.prev = null;
    s.next = null;
  }

  private void reap() {
    while (true) {
      try {
        Sample s = (Sample) queue.remove();
        reclaimed(s, System.nanoTime());
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        io.refshadow.heap.Failures.report("refshadow-lifetimes thread", t);
      }
    }
  }

  /** The caller's stack without refshadow's own frames, innermost first, one frame a line. */
  static String captureStack() {
    try {
      return WALKER.walk(FORMATTER);
    } catch (Throwable t) {
      return null;
    }
  }

  /** A named class rather than a lambda: nothing is spun or loaded while the heap lock is held. */
  private static final class StackFormatter
      implements Function<Stream<StackWalker.StackFrame>, String> {
    @Override
    public String apply(Stream<StackWalker.StackFrame> frames) {
      StringBuilder b = new StringBuilder();
      int n = 0;
      for (java.util.Iterator<StackWalker.StackFrame> it = frames.iterator();
          it.hasNext() && n < STACK_DEPTH; ) {
        StackWalker.StackFrame f = it.next();
        String c = f.getClassName();
        if (c.startsWith("io.refshadow.") && !c.startsWith("io.refshadow.samples.")) {
          continue;
        }
        if (n > 0) {
          b.append('\n');
        }
        b.append(c)
            .append('.')
            .append(f.getMethodName())
            .append('(')
            .append(f.getFileName() == null ? "Unknown Source" : f.getFileName());
        if (f.getLineNumber() >= 0) {
          b.append(':').append(f.getLineNumber());
        }
        b.append(')');
        n++;
      }
      return b.toString();
    }
  }
}
