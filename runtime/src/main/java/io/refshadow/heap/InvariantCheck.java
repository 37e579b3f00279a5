package io.refshadow.heap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Test-only: checks the shadow heap's invariants at rest (no hook running, no collection under
 * way), for forked-JVM tests that run a program under the agent with {@code
 * -Drefshadow.test.invariants=<class-name prefix>} (see the agent's Installer). It counts the
 * allocations and frees of the classes whose names start with the prefix, and at exit checks, for
 * every node the shadow can still reach (from the identity table, the generation lists, the roots
 * and, transitively, the edges):
 *
 * <ul>
 *   <li>refcount = references from the edges of live nodes + root references + the one external
 *       reference of an adopted or pinned object (immortals aside);
 *   <li>no live node and no root refers to a freed node (nothing reachable was freed);
 *   <li>no freed node is still in the identity table or a generation list, and no node is left in a
 *       collection's transient state;
 *   <li>no live node has a refcount of 0 (it would never be freed).
 * </ul>
 *
 * A node freed twice shows up as a use of a freed node ({@link HeapStats#invariantViolations}) and
 * in the per-class counts (more frees than allocations).
 */
public final class InvariantCheck implements HeapListener {
  private final String prefix;

  // Hashtable: not a collection refshadow instruments (the listener runs inside the heap's work)
  private final Map<String, long[]> perClass = new java.util.Hashtable<>();

  private InvariantCheck(String prefix) {
    this.prefix = prefix;
  }

  /** Starts counting the allocations and frees of classes named {@code prefix...}. */
  public static InvariantCheck install(ShadowHeap heap, String prefix) {
    InvariantCheck check = new InvariantCheck(prefix);
    heap.addListener(check);
    return check;
  }

  private long[] counts(Node n) {
    if (n.type == null || !n.type.type.getName().startsWith(prefix)) {
      return null;
    }
    return perClass.computeIfAbsent(n.type.type.getName(), k -> new long[4]);
  }

  @Override
  public void onAllocation(Node node) {
    long[] c = counts(node);
    if (c != null) {
      c[0]++;
    }
  }

  @Override
  public void onFree(Node node, boolean byCycleDetector, Object object) {
    long[] c = counts(node);
    if (c != null) {
      c[node.has(Node.ADOPTED) ? 3 : byCycleDetector ? 2 : 1]++;
    }
  }

  /**
   * The report printed at exit: one line per class counted ({@code allocated A freed F (refcount R,
   * cycles C, adopted D)}), then {@code checked N nodes, V violations} and the first violations.
   * Call with the heap's lock held and the heap marked busy ({@link PyApi#tryCall}).
   */
  public String report(ShadowHeap heap) {
    StringBuilder b = new StringBuilder();
    List<String> names = new ArrayList<>(perClass.keySet());
    Collections.sort(names);
    for (String name : names) {
      long[] c = perClass.get(name);
      b.append(
          String.format(
              java.util.Locale.ROOT,
              "refshadow invariants: %s allocated %d freed %d (refcount %d, cycles %d, adopted"
                  + " %d)%n",
              name,
              c[0],
              c[1] + c[2] + c[3],
              c[1],
              c[2],
              c[3]));
    }
    List<String> violations = new ArrayList<>();
    int checked = check(heap, violations);
    long counted = heap.stats.invariantViolations;
    if (counted > 0) {
      violations.add(counted + " uses of freed nodes or negative counts (HeapStats)");
    }
    b.append("refshadow invariants: checked ")
        .append(checked)
        .append(" nodes, ")
        .append(violations.size())
        .append(" violations\n");
    for (int i = 0; i < Math.min(20, violations.size()); i++) {
      b.append("refshadow invariants: violation: ").append(violations.get(i)).append('\n');
    }
    return b.toString();
  }

  /** Adds a description of each broken invariant to {@code out}; returns the nodes checked. */
  static int check(ShadowHeap heap, List<String> out) {
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Node> work = new ArrayDeque<>();
    Set<Node> listed = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Object o : heap.liveObjects()) {
      Node n = heap.find(o);
      if (n != null) {
        work.add(n);
        if (n.has(Node.FREED)) {
          out.add("freed node still in the identity table: " + n);
        }
      }
    }
    List<GcList> lists = new ArrayList<>(List.of(heap.gc.generations));
    lists.add(heap.gc.permanent);
    for (GcList l : lists) {
      GcSlots slots = heap.gc.slots;
      for (Node n = l.first(); n != l.head; n = l.next(n)) {
        int self = n.gcSlot;
        if (slots.nodes[self] != n || slots.prev[slots.next[self]] != self) {
          out.add("generation list links broken at " + n + " (slot " + self + ")");
          break;
        }
        listed.add(n);
        work.add(n);
        if (n.has(Node.FREED)) {
          out.add("freed node still in a generation list: " + n);
        }
      }
    }
    Map<Node, Integer> expected = new IdentityHashMap<>();
    heap.forEachRootReference(
        n -> {
          expected.merge(n, 1, Integer::sum);
          work.add(n);
          if (n.has(Node.FREED)) {
            out.add("a root refers to a freed node: " + n);
          }
        });
    while (!work.isEmpty()) {
      Node n = work.poll();
      if (!seen.add(n) || n.has(Node.FREED)) {
        continue;
      }
      for (Node e : n.edges) {
        if (e != null) {
          expected.merge(e, 1, Integer::sum);
          work.add(e);
          if (e.has(Node.FREED)) {
            out.add(n + " refers to a freed node: " + e);
          }
        }
      }
    }
    for (Node n : seen) {
      if (n.has(Node.FREED) || n.has(Node.IMMORTAL)) {
        continue;
      }
      if (n.has(Node.COLLECTING | Node.UNREACHABLE | Node.DEALLOCATING)) {
        out.add("left in a collection's transient state: " + n + " flags " + n.flags);
      }
      if (n.has(Node.TRACKED) != listed.contains(n)) {
        out.add("TRACKED flag disagrees with the generation lists: " + n);
      }
      int want = expected.getOrDefault(n, 0) + (n.has(Node.EXTERNAL) ? 1 : 0);
      if (n.refcount != want) {
        out.add(
            "refcount of "
                + n
                + " is "
                + n.refcount
                + ", but "
                + want
                + " references hold it (in-edges + roots + external)");
      } else if (n.refcount == 0 && !n.has(Node.CONSTRUCTING)) {
        out.add("alive with no reference: " + n);
      }
    }
    return seen.size();
  }
}
