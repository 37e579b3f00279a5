package io.refshadow.junit;

import io.refshadow.heap.HeapInspector;
import io.refshadow.heap.Node;
import io.refshadow.heap.RootVisitor;
import io.refshadow.heap.ShadowHeap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Questions about the shadow graph that the checks ask, answered the way objgraph answers them for
 * a Python user: the cycles among a collection's garbage ({@code show_backrefs}), the reference
 * chain from a root to an object ({@code find_backref_chain}), and how to print a path of
 * references. Runs with the heap's lock held; reads nodes, never changes them.
 */
final class ShadowGraph {
  private ShadowGraph() {}

  /** One reference cycle, printed, with the object chosen to stand for it. */
  static final class Cycle {
    final String path;
    final Node representative;
    final int objects;

    Cycle(String path, Node representative, int objects) {
      this.path = path;
      this.representative = representative;
      this.objects = objects;
    }
  }

  /**
   * The reference cycles among {@code garbage} (what a collection found unreachable) that contain
   * an object {@code ours} accepts: one per strongly connected component, printed as the shortest
   * cycle through the earliest object by {@code order} among those of the program's own types (or,
   * failing that, of the JDK's). Objects that are garbage only because a cycle refers to them are
   * not cycles.
   */
  static List<Cycle> cycles(List<Node> garbage, Predicate<Node> ours, ToLongFunction<Node> order) {
    Map<Node, Integer> index = new IdentityHashMap<>();
    for (Node n : garbage) {
      index.put(n, index.size());
    }
    List<Cycle> out = new ArrayList<>();
    for (List<Node> component : stronglyConnectedComponents(garbage, index)) {
      boolean cyclic = component.size() > 1 || refersToItself(component.get(0));
      Node start = null;
      for (Node n : component) {
        if (ours.test(n)
            && (start == null
                || rank(n) < rank(start)
                || (rank(n) == rank(start) && order.applyAsLong(n) < order.applyAsLong(start)))) {
          start = n;
        }
      }
      if (!cyclic || start == null) {
        continue;
      }
      int objects = 0;
      for (Node n : component) {
        if (!HeapInspector.isInternal(n)) {
          objects++;
        }
      }
      Set<Node> members = identitySet(component);
      out.add(new Cycle(render(shortestCycle(start, members)), start, objects));
    }
    return out;
  }

  /**
   * Which object of a cycle stands for it: the program's own types first, then the JDK's and
   * arrays, then a collection's internal storage (never printed).
   */
  private static int rank(Node n) {
    if (HeapInspector.isInternal(n)) {
      return 2;
    }
    String type = n.typeName();
    boolean jdk =
        type.endsWith("[]")
            || type.startsWith("java.")
            || type.startsWith("javax.")
            || type.startsWith("jdk.")
            || type.startsWith("sun.");
    return jdk ? 1 : 0;
  }

  /**
   * Tarjan's algorithm, iterative (a long chain must not overflow the stack), over {@code nodes}.
   */
  private static List<List<Node>> stronglyConnectedComponents(
      List<Node> nodes, Map<Node, Integer> index) {
    int n = nodes.size();
    int[] order = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    java.util.Arrays.fill(order, -1);
    int[] stack = new int[n];
    int sp = 0;
    int counter = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    List<List<Node>> components = new ArrayList<>();
    for (int root = 0; root < n; root++) {
      if (order[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = 0;
      order[root] = low[root] = counter++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        Node node = nodes.get(v);
        if (callEdge[depth] < node.edgeCount()) {
          Node target = node.edge(callEdge[depth]++);
          Integer w = target == null ? null : index.get(target);
          if (w == null) {
            continue;
          }
          if (order[w] < 0) {
            order[w] = low[w] = counter++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], order[w]);
          }
          continue;
        }
        if (low[v] == order[v]) {
          List<Node> component = new ArrayList<>();
          int w;
          do {
            w = stack[--sp];
            onStack[w] = false;
            component.add(nodes.get(w));
          } while (w != v);
          Collections.reverse(component);
          components.add(component);
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    return components;
  }

  private static boolean refersToItself(Node n) {
    for (int i = 0; i < n.edgeCount(); i++) {
      if (n.edge(i) == n) {
        return true;
      }
    }
    return false;
  }

  /** Breadth first, in edge order, inside {@code members}: from {@code start} back to it. */
  private static Path shortestCycle(Node start, Set<Node> members) {
    Map<Node, Node> parent = new IdentityHashMap<>();
    Map<Node, Integer> parentSlot = new IdentityHashMap<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    queue.add(start);
    parent.put(start, null);
    while (!queue.isEmpty()) {
      Node u = queue.poll();
      for (int s = 0; s < u.edgeCount(); s++) {
        Node t = u.edge(s);
        if (t == start) {
          Path path = Path.back(u, parent, parentSlot);
          path.add(s, start);
          return path;
        }
        if (t != null && members.contains(t) && !parent.containsKey(t)) {
          parent.put(t, u);
          parentSlot.put(t, s);
          queue.add(t);
        }
      }
    }
    throw new IllegalStateException(
        "no cycle through " + start); // a component is strongly connected
  }

  /**
   * For each of {@code targets} that a root reaches, the shortest reference chain from a root,
   * printed ({@code static Cache.ENTRIES -> ArrayList -> byte[]}), without passing through {@code
   * barrier} (the test instances). Roots are the heap's static fields, frames and gc.garbage, then
   * tracked objects held from outside the shadow heap.
   */
  static Map<Node, String> chainsFromRoots(ShadowHeap heap, Set<Node> targets, Set<Node> barrier) {
    Map<Node, Node> parent = new IdentityHashMap<>();
    Map<Node, Integer> parentSlot = new IdentityHashMap<>();
    Map<Node, String> rootLabel = new IdentityHashMap<>();
    ArrayDeque<Node> queue = new ArrayDeque<>();
    heap.forEachRoot(
        (node, kind, thread, depth, index) -> {
          if (!barrier.contains(node) && !rootLabel.containsKey(node)) {
            rootLabel.put(node, rootLabel(kind, thread, depth, index));
            parent.put(node, null);
            queue.add(node);
          }
        });
    for (Node n : HeapInspector.trackedObjects(heap)) {
      if (HeapInspector.isHeldFromOutside(n) && !barrier.contains(n) && !parent.containsKey(n)) {
        rootLabel.put(n, OUTSIDE);
        parent.put(n, null);
        queue.add(n);
      }
    }
    Map<Node, String> chains = new LinkedHashMap<>();
    int remaining = targets.size();
    while (!queue.isEmpty() && remaining > 0) {
      Node u = queue.poll();
      if (targets.contains(u) && !chains.containsKey(u)) {
        Path path = Path.back(u, parent, parentSlot);
        chains.put(u, rootLabel.get(path.nodes.get(0)) + " -> " + render(path));
        remaining--;
      }
      for (int s = 0; s < u.edgeCount(); s++) {
        Node t = u.edge(s);
        if (t != null && !parent.containsKey(t) && !barrier.contains(t)) {
          parent.put(t, u);
          parentSlot.put(t, s);
          queue.add(t);
        }
      }
    }
    for (Node t : targets) {
      if (!chains.containsKey(t) && HeapInspector.isHeldFromOutside(t)) {
        chains.put(t, OUTSIDE + " -> " + simpleType(t));
      }
    }
    return chains;
  }

  /** Everything reachable from {@code sources} (the sources included). */
  static Set<Node> reachableFrom(List<Node> sources) {
    Set<Node> seen = identitySet(List.of());
    ArrayDeque<Node> queue = new ArrayDeque<>();
    for (Node s : sources) {
      if (s != null && seen.add(s)) {
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      Node u = queue.poll();
      for (int i = 0; i < u.edgeCount(); i++) {
        Node t = u.edge(i);
        if (t != null && seen.add(t)) {
          queue.add(t);
        }
      }
    }
    return seen;
  }

  private static final String OUTSIDE = "code refshadow does not instrument";

  private static String rootLabel(RootVisitor.Kind kind, Thread thread, int depth, int index) {
    String frame =
        "frame " + depth + " of thread \"" + (thread == null ? "?" : thread.getName()) + "\"";
    switch (kind) {
      case STATIC_FIELD:
        return "static " + Names.simpleFieldName(HeapInspector.staticFieldName(index));
      case LOCAL:
        return "local " + index + " of " + frame;
      case TEMPORARY:
        return "a temporary of " + frame;
      case RETURN_VALUE:
        return "a value returned on thread \"" + (thread == null ? "?" : thread.getName()) + "\"";
      case GC_GARBAGE:
        return "gc.garbage[" + index + "]";
      default:
        return kind.toString();
    }
  }

  /**
   * Prints a path of references: each object as its short type name, followed by {@code .field} for
   * the field the path leaves it by. A JDK collection's own storage (the array inside an ArrayList,
   * a HashMap's nodes) is left out, as a Python list's item array is no object: {@code
   * Parent.children -> ArrayList -> Child.parent -> Parent}.
   */
  static String render(Path path) {
    List<Node> nodes = path.nodes;
    boolean allInternal = true;
    for (Node n : nodes) {
      allInternal &= HeapInspector.isInternal(n);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      boolean hidden = !allInternal && HeapInspector.isInternal(n);
      if (hidden) {
        continue;
      }
      if (b.length() > 0) {
        b.append(" -> ");
      }
      b.append(simpleType(n));
      boolean last = i == nodes.size() - 1;
      if (!last && !n.typeName().endsWith("[]")) {
        boolean nextHidden = !allInternal && HeapInspector.isInternal(nodes.get(i + 1));
        if (!nextHidden) {
          b.append('.').append(n.edgeName(path.slots.get(i)));
        }
      }
    }
    return b.toString();
  }

  static String simpleType(Node n) {
    return Names.simpleTypeName(n.typeName());
  }

  static Set<Node> identitySet(List<Node> nodes) {
    Set<Node> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(nodes);
    return s;
  }

  /** Nodes n0..nk and the edge slot that leads from each to the next. */
  static final class Path {
    final List<Node> nodes = new ArrayList<>();
    final List<Integer> slots = new ArrayList<>();

    /** The path from a source (a node without parent) to {@code end}. */
    static Path back(Node end, Map<Node, Node> parent, Map<Node, Integer> parentSlot) {
      Path p = new Path();
      List<Node> reversed = new ArrayList<>();
      for (Node n = end; n != null; n = parent.get(n)) {
        reversed.add(n);
      }
      Collections.reverse(reversed);
      for (int i = 0; i < reversed.size(); i++) {
        p.nodes.add(reversed.get(i));
        if (i > 0) {
          p.slots.add(parentSlot.get(reversed.get(i)));
        }
      }
      return p;
    }

    void add(int slot, Node next) {
      slots.add(slot);
      nodes.add(next);
    }
  }
}
