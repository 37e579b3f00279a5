package io.refshadow.jfr;

import io.refshadow.heap.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the reference cycles among the objects one collection is about to free: the strongly
 * connected groups of the garbage's own edges (Tarjan's algorithm, iterative, so long rings do not
 * overflow the stack), each with more than one object or a reference to itself. Garbage outside any
 * cycle is what the cycles kept alive. Cycles of the same shape (size, member types and the fields
 * between them) are counted together.
 *
 * <p>Runs inside the heap listener, with the heap's lock held, on nodes whose edges are intact. It
 * marks the nodes through their listener data for the duration of the analysis and restores it.
 */
final class CycleAnalysis {
  /** Cycles of one shape. */
  static final class Shape {
    final String memberTypes;
    final String cycleFields;
    final String graph;
    final List<String> types;
    long cycles;
    long objects;
    long bytes;
    String stack = "";

    Shape(String memberTypes, String cycleFields, String graph, List<String> types) {
      this.memberTypes = memberTypes;
      this.cycleFields = cycleFields;
      this.graph = graph;
      this.types = types;
    }
  }

  /** Tells the allocation stack of a node from its listener data, when sampled (else null). */
  interface Stacks {
    String of(long listenerData);
  }

  /** Cycles larger than this are drawn by their types rather than object by object. */
  static final int MAX_DRAWN_OBJECTS = 16;

  /** Most distinct references listed per shape. */
  static final int MAX_FIELD_LINES = 24;

  /** Bits 34..39 are never set in the listener's own data layout (see HeapEventsListener). */
  private static final long MARK = 0x3FL << 34;

  private static final long INDEX = 0xFFFF_FFFFL;

  final List<Shape> shapes = new ArrayList<>();
  long cycles;

  /** The nodes' own listener data, while their marks replace it. */
  private long[] saved;

  /** Position (1-based) of each garbage index in the cycle being recorded; 0 outside it. */
  private int[] position;

  private CycleAnalysis() {}

  static CycleAnalysis of(List<Node> garbage, Stacks stacks) {
    CycleAnalysis a = new CycleAnalysis();
    int n = garbage.size();
    long[] saved = new long[n];
    for (int i = 0; i < n; i++) {
      Node g = garbage.get(i);
      saved[i] = g.listenerData();
      g.setListenerData(MARK | i);
    }
    try {
      a.saved = saved;
      a.findCycles(garbage, stacks);
    } finally {
      for (int i = 0; i < n; i++) {
        garbage.get(i).setListenerData(saved[i]);
      }
    }
    a.shapes.sort(MOST_OBJECTS_FIRST);
    return a;
  }

  private static final java.util.Comparator<Shape> MOST_OBJECTS_FIRST = new MostObjectsFirst();

  /** A named class rather than a lambda: nothing is spun while the heap lock is held. */
  private static final class MostObjectsFirst implements java.util.Comparator<Shape> {
    @Override
    public int compare(Shape x, Shape y) {
      return Long.compare(y.objects, x.objects);
    }
  }

  private static int indexOf(Node n) {
    if (n == null) {
      return -1;
    }
    long d = n.listenerData();
    return (d & MARK) == MARK ? (int) (d & INDEX) : -1;
  }

  private void findCycles(List<Node> garbage, Stacks stacks) {
    int n = garbage.size();
    position = new int[n];
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] sccStack = new int[n];
    int sccTop = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int next = 0;
    Map<String, Shape> byKey = new HashMap<>();
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = 0;
      index[root] = low[root] = next++;
      sccStack[sccTop++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        Node node = garbage.get(v);
        int edges = node.edgeCount();
        boolean descended = false;
        while (callEdge[depth] < edges) {
          int w = indexOf(node.edge(callEdge[depth]++));
          if (w < 0) {
            continue;
          }
          if (index[w] < 0) {
            index[w] = low[w] = next++;
            sccStack[sccTop++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
            descended = true;
            break;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
        }
        if (descended) {
          continue;
        }
        if (low[v] == index[v]) {
          int start = sccTop;
          do {
            start--;
          } while (sccStack[start] != v);
          int[] members = Arrays.copyOfRange(sccStack, start, sccTop);
          for (int m : members) {
            onStack[m] = false;
          }
          sccTop = start;
          if (members.length > 1 || refersToItself(garbage.get(v))) {
            record(garbage, members, stacks, byKey);
          }
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
    shapes.addAll(byKey.values());
  }

  private static boolean refersToItself(Node n) {
    for (int i = 0; i < n.edgeCount(); i++) {
      if (n.edge(i) == n) {
        return true;
      }
    }
    return false;
  }

  private void record(List<Node> garbage, int[] members, Stacks stacks, Map<String, Shape> byKey) {
    cycles++;
    Arrays.sort(members); // garbage order: the order delete_garbage clears them
    Map<String, Integer> typeCounts = new TreeMap<>();
    long bytes = 0;
    String stack = null;
    for (int m : members) {
      Node node = garbage.get(m);
      Integer count = typeCounts.get(node.typeName());
      typeCounts.put(node.typeName(), count == null ? 1 : count + 1);
      bytes += Math.max(0, node.size());
      if (stack == null) {
        stack = stacks.of(saved[m]);
      }
    }
    StringBuilder types = new StringBuilder();
    for (Map.Entry<String, Integer> e : typeCounts.entrySet()) {
      if (types.length() > 0) {
        types.append(", ");
      }
      types.append(e.getKey()).append(" x").append(e.getValue());
    }
    // distinct references inside the cycle, by type and field
    java.util.TreeSet<String> fieldLines = new java.util.TreeSet<>();
    java.util.TreeSet<String> typeGraph = new java.util.TreeSet<>();
    StringBuilder objectGraph = new StringBuilder();
    int[] position = this.position;
    for (int k = 0; k < members.length; k++) {
      position[members[k]] = k + 1;
    }
    for (int m : members) {
      Node node = garbage.get(m);
      for (int i = 0; i < node.edgeCount(); i++) {
        int w = indexOf(node.edge(i));
        if (w < 0 || position[w] == 0) {
          continue;
        }
        String src = node.typeName();
        String dst = garbage.get(w).typeName();
        String field = node.edgeName(i);
        fieldLines.add(fieldLine(src, field, dst));
        typeGraph.add(src + " -" + field + "-> " + dst);
        if (members.length <= MAX_DRAWN_OBJECTS) {
          if (objectGraph.length() > 0) {
            objectGraph.append('\n');
          }
          objectGraph
              .append(src)
              .append('#')
              .append(position[m])
              .append(" -")
              .append(field)
              .append("-> ")
              .append(dst)
              .append('#')
              .append(position[w]);
        }
      }
    }
    for (int m : members) {
      position[m] = 0;
    }
    String fields = joinLimited(fieldLines);
    String graph =
        members.length <= MAX_DRAWN_OBJECTS ? objectGraph.toString() : joinLimited(typeGraph);
    String key = members.length + "|" + types + "|" + fields;
    Shape s = byKey.get(key);
    if (s == null) {
      s = new Shape(types.toString(), fields, graph, new ArrayList<>(typeCounts.keySet()));
      byKey.put(key, s);
    }
    s.cycles++;
    s.objects += members.length;
    s.bytes += bytes;
    if (s.stack.isEmpty() && stack != null) {
      s.stack = stack;
    }
  }

  static String fieldLine(String src, String field, String dst) {
    return "[]".equals(field) ? src + " element -> " + dst : src + "." + field + " -> " + dst;
  }

  private static String joinLimited(java.util.Collection<String> lines) {
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (String l : lines) {
      if (n == MAX_FIELD_LINES) {
        b.append("\n... ").append(lines.size() - n).append(" more");
        break;
      }
      if (n > 0) {
        b.append('\n');
      }
      b.append(l);
      n++;
    }
    return b.toString();
  }
}
