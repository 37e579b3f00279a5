package io.refshadow.junit;

import io.refshadow.heap.HeapInspector;
import io.refshadow.heap.HeapListener;
import io.refshadow.heap.Node;
import io.refshadow.heap.PyApi;
import io.refshadow.heap.ShadowHeap;
import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One test's measurement: a {@link HeapListener} added to the shadow heap for the test's duration.
 * It records the objects the test allocates (on its thread, by its own code: {@link Attribution}),
 * follows their shadow bytes to their peak, and reads the cycles among each collection's garbage
 * while their edges are still intact; {@link #finish} then runs the checks. Loaded only once the
 * agent is active ({@link AgentActivation}).
 *
 * <p>Its fields are guarded by the heap's lock: the listener methods run under it, and {@link
 * #finish} takes it.
 */
final class TestTracker implements HeapListener, Measurement {
  /** How many cycles and leaked objects a message shows before "... and N more". */
  static final int SHOWN = 5;

  /** What the tracker knows of an object the test allocated. */
  private static final class Allocation {
    final long sequence;
    final long size;
    final String type;
    final StackFrame site;

    Allocation(long sequence, long size, String type, StackFrame site) {
      this.sequence = sequence;
      this.size = size;
      this.type = type;
      this.site = site;
    }
  }

  /** Cycles of one printed shape, found by one or more collections. */
  private static final class CycleShape {
    final String path;
    final String representativeType;
    final StackFrame site;
    int count;
    long objects;

    CycleShape(String path, String representativeType, StackFrame site) {
      this.path = path;
      this.representativeType = representativeType;
      this.site = site;
    }
  }

  private final CheckSettings settings;
  private final Thread thread;
  private final Attribution attribution;

  /** The test's objects not yet freed, in the shadow heap. */
  private final Map<Node, Allocation> alive = new IdentityHashMap<>();

  private long sequence;
  private long liveBytes;
  private long peakBytes;

  /** Live objects and bytes per type, [count, bytes]; kept only under a memory limit. */
  private final Map<String, long[]> liveByType = new HashMap<>();

  /** {@link #liveByType} copied at the peak (within 1/64 of it: copied again as it grows). */
  private Map<String, long[]> byTypeAtPeak = new HashMap<>();

  private long peakWhenCopied;
  private final Map<String, CycleShape> cycles = new LinkedHashMap<>();
  private boolean stopped;

  TestTracker(CheckSettings settings, Thread thread) {
    this.settings = settings;
    this.thread = thread;
    this.attribution = new Attribution(settings.toolingPackages);
  }

  // ---------------------------------------------------------------------------------------------
  // Listener callbacks (heap lock held; quick; never calling back into the heap).

  @Override
  public void onAllocation(Node node) {
    if (stopped || Thread.currentThread() != thread || HeapInspector.isImmortal(node)) {
      return;
    }
    StackFrame site = attribution.testFrame();
    if (site == null) {
      return; // test tooling's object
    }
    Allocation a = new Allocation(++sequence, node.size(), node.typeName(), site);
    alive.put(node, a);
    liveBytes += a.size;
    if (settings.memoryLimit >= 0) {
      long[] t = liveByType.computeIfAbsent(a.type, k -> new long[2]);
      t[0]++;
      t[1] += a.size;
    }
    if (liveBytes > peakBytes) {
      peakBytes = liveBytes;
      if (settings.memoryLimit >= 0 && peakBytes - peakWhenCopied > peakWhenCopied / 64) {
        byTypeAtPeak = copy(liveByType);
        peakWhenCopied = peakBytes;
      }
    }
  }

  @Override
  public void onFree(Node node, boolean byCycleDetector, Object object) {
    Allocation a = alive.remove(node);
    if (a == null) {
      return;
    }
    liveBytes -= a.size;
    long[] t = liveByType.get(a.type);
    if (t != null) {
      t[0]--;
      t[1] -= a.size;
    }
  }

  @Override
  public void onGarbage(List<Node> garbage) {
    if (stopped || !settings.noReferenceCycles) {
      return;
    }
    boolean any = false;
    for (Node n : garbage) {
      if (alive.containsKey(n)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return;
    }
    for (ShadowGraph.Cycle c :
        ShadowGraph.cycles(garbage, alive::containsKey, n -> alive.get(n).sequence)) {
      Allocation rep = alive.get(c.representative);
      CycleShape shape =
          cycles.computeIfAbsent(
              c.path, p -> new CycleShape(p, ShadowGraph.simpleType(c.representative), rep.site));
      shape.count++;
      shape.objects += c.objects;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The checks.

  @Override
  public String finish(boolean check, List<Object> testInstances) {
    try {
      if (check && settings.needsFinalCollection()) {
        io.refshadow.Gc.collect(); // gc.collect(): cycles left at the end are found, not leaked
      }
    } catch (RuntimeException | Error e) {
      PyApi.run(heap -> stop(heap)); // never leave a tracker listening after its test
      throw e;
    }
    return PyApi.call(
        heap -> {
          stop(heap);
          if (!check) {
            return null;
          }
          List<String> failures = new ArrayList<>();
          if (settings.noReferenceCycles && !cycles.isEmpty()) {
            failures.add(cycleFailure());
          }
          if (settings.maxLeaks >= 0) {
            String leaks = leakFailure(heap, testInstances);
            if (leaks != null) {
              failures.add(leaks);
            }
          }
          if (settings.memoryLimit >= 0 && peakBytes > settings.memoryLimit) {
            failures.add(memoryFailure());
          }
          return failures.isEmpty() ? null : String.join("\n\n", failures);
        });
  }

  private void stop(ShadowHeap heap) {
    stopped = true;
    heap.removeListener(this);
  }

  private String cycleFailure() {
    int total = 0;
    for (CycleShape s : cycles.values()) {
      total += s.count;
    }
    StringBuilder b = new StringBuilder();
    b.append("@NoReferenceCycles: this test created ")
        .append(plural(total, "reference cycle"))
        .append(" that only the cycle detector can reclaim:");
    int shown = 0;
    for (CycleShape s : cycles.values()) {
      if (shown++ == SHOWN) {
        b.append("\n  ... and ").append(cycles.size() - SHOWN).append(" more shapes of cycle");
        break;
      }
      b.append("\n  ").append(s.path);
      if (s.count > 1) {
        b.append("  (x").append(s.count).append(')');
      }
      b.append("\n    ")
          .append(plural(s.objects, "object"))
          .append("; ")
          .append(s.representativeType)
          .append(" allocated at ")
          .append(Attribution.describe(s.site));
    }
    b.append(
        "\n  Break each cycle with a weak reference (io.refshadow.Weakref) or by clearing one of"
            + " its references before the objects are dropped.");
    return b.toString();
  }

  private String leakFailure(ShadowHeap heap, List<Object> testInstances) {
    List<Node> candidates = new ArrayList<>();
    for (Map.Entry<Node, Allocation> e : alive.entrySet()) {
      Node n = e.getKey();
      if (!HeapInspector.isFreed(n)
          && !HeapInspector.isInternal(n)
          && !HeapInspector.isImmortal(n)
          && counted(n)) {
        candidates.add(n);
      }
    }
    if (candidates.size() <= settings.maxLeaks) {
      return null;
    }
    // What only the test instance keeps alive goes with it: not a leak.
    List<Node> instances = new ArrayList<>();
    for (Object o : testInstances) {
      Node n = heap.nodeOf(o);
      if (n != null) {
        instances.add(n);
      }
    }
    Set<Node> barrier = ShadowGraph.identitySet(instances);
    Set<Node> candidateSet = ShadowGraph.identitySet(candidates);
    Map<Node, String> chains = ShadowGraph.chainsFromRoots(heap, candidateSet, barrier);
    Set<Node> viaInstance = ShadowGraph.reachableFrom(instances);
    List<Node> leaked = new ArrayList<>();
    for (Node n : candidates) {
      if (chains.containsKey(n) || !viaInstance.contains(n)) {
        leaked.add(n);
      }
    }
    if (leaked.size() <= settings.maxLeaks) {
      return null;
    }
    leaked.sort(Comparator.comparingLong(n -> alive.get(n).sequence));
    StringBuilder b = new StringBuilder();
    b.append("@LimitLeaks(")
        .append(settings.leakLimitText())
        .append("): ")
        .append(plural(leaked.size(), "object"))
        .append(" created by this test ")
        .append(leaked.size() == 1 ? "is" : "are")
        .append(" still alive after it:");
    for (int i = 0; i < leaked.size() && i < SHOWN; i++) {
      Node n = leaked.get(i);
      Allocation a = alive.get(n);
      b.append("\n  ")
          .append(ShadowGraph.simpleType(n))
          .append(" allocated at ")
          .append(Attribution.describe(a.site))
          .append("\n    ")
          .append(
              chains.getOrDefault(
                  n,
                  "no chain from a root: held by a reference refshadow cannot see (refcount "
                      + n.refcount()
                      + ")"));
    }
    if (leaked.size() > SHOWN) {
      b.append("\n  ... and ").append(leaked.size() - SHOWN).append(" more");
    }
    return b.toString();
  }

  /** Whether a leaked object counts under the type filter ({@link LimitLeaks#types}). */
  private boolean counted(Node n) {
    if (settings.leakTypes.isEmpty()) {
      return true;
    }
    Class<?> type = HeapInspector.typeOf(n);
    return type != null && isOneOf(type, settings.leakTypes);
  }

  private static boolean isOneOf(Class<?> type, List<String> names) {
    if (names.contains(CheckSettings.typeName(type))) {
      return true;
    }
    if (type.getSuperclass() != null && isOneOf(type.getSuperclass(), names)) {
      return true;
    }
    for (Class<?> i : type.getInterfaces()) {
      if (isOneOf(i, names)) {
        return true;
      }
    }
    return false;
  }

  private String memoryFailure() {
    StringBuilder b = new StringBuilder();
    b.append("@LimitShadowMemory(\"")
        .append(settings.memoryLimitText)
        .append("\"): the objects this test allocated peaked at ")
        .append(ByteSize.format(peakBytes))
        .append(" (")
        .append(peakBytes)
        .append(" bytes) of shadow memory, over the limit of ")
        .append(ByteSize.format(settings.memoryLimit))
        .append(" (")
        .append(settings.memoryLimit)
        .append(" bytes). Largest types at the peak:");
    List<Map.Entry<String, long[]>> types = new ArrayList<>(byTypeAtPeak.entrySet());
    types.removeIf(e -> e.getValue()[1] <= 0);
    types.sort(
        Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1])
            .thenComparing(Map.Entry::getKey));
    for (int i = 0; i < types.size() && i < SHOWN; i++) {
      long[] t = types.get(i).getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "%n  %-24s %10s in %s",
              Names.simpleTypeName(types.get(i).getKey()),
              ByteSize.format(t[1]),
              plural(t[0], "object")));
    }
    return b.toString();
  }

  private static Map<String, long[]> copy(Map<String, long[]> m) {
    Map<String, long[]> c = new HashMap<>();
    m.forEach((k, v) -> c.put(k, v.clone()));
    return c;
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
