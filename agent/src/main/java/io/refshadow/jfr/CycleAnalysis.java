package io.refshadow.jfr;

import io.refshadow.heap.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    Node[] nodes = garbage.toArray(new Node[0]); // one call into a (perhaps instrumented) list
    int n = nodes.length;
    long[] saved = new long[n];
    for (int i = 0; i < n; i++) {
      Node g = nodes[i];
      saved[i] = g.listenerData();
      g.setListenerData(MARK | i);
    }
    try {
      a.saved = saved;
      a.findCycles(nodes, stacks);
    } finally {
      for (int i = 0; i < n; i++) {
        nodes[i].setListenerData(saved[i]);
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

  private void findCycles(Node[] nodes, Stacks stacks) {
    int n = nodes.length;
    position = new int[n];
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    boolean[] refersToItself = new boolean[n]; // noted while the edges are walked anyway
    Arrays.fill(index, -1);
    int[] sccStack = new int[n];
    int sccTop = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int next = 0;
    ShapeTable byKey = new ShapeTable();
    ShapeTable bySignature = new ShapeTable();
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
        Node node = nodes[v];
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
            if (w == v) {
              refersToItself[v] = true;
            }
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
          for (int i = start; i < sccTop; i++) {
            onStack[sccStack[i]] = false;
          }
          if (sccTop - start > 1 || refersToItself[v]) {
            record(nodes, Arrays.copyOfRange(sccStack, start, sccTop), stacks, byKey, bySignature);
          }
          sccTop = start;
        }
        depth--;
        if (depth >= 0) {
          int parent = callNode[depth];
          low[parent] = Math.min(low[parent], low[v]);
        }
      }
    }
  }

  private void record(
      Node[] nodes, int[] members, Stacks stacks, ShapeTable byKey, ShapeTable bySignature) {
    cycles++;
    Arrays.sort(members); // garbage order: the order delete_garbage clears them
    int[] position = this.position;
    for (int k = 0; k < members.length; k++) {
      position[members[k]] = k + 1;
    }
    try {
      Signature signature = signature(nodes, members);
      Shape s = bySignature.get(signature);
      if (s == null) {
        s = shape(nodes, members, byKey);
        bySignature.put(signature, s);
      }
      long bytes = 0;
      for (int m : members) {
        bytes += Math.max(0, nodes[m].size());
      }
      s.cycles++;
      s.objects += members.length;
      s.bytes += bytes;
      if (s.stack.isEmpty()) {
        for (int m : members) {
          String stack = stacks.of(saved[m]);
          if (stack != null) {
            s.stack = stack;
            break;
          }
        }
      }
    } finally {
      for (int m : members) {
        position[m] = 0;
      }
    }
  }

  /** The {@link Signature} of the cycle {@code members}, whose {@link #position}s are set. */
  private Signature signature(Node[] nodes, int[] members) {
    int n = members.length;
    int references = referencesWithin(nodes, members);
    Object[] names = new Object[n + references];
    int[] ends = new int[2 * references];
    int hash = n;
    for (int k = 0; k < n; k++) {
      names[k] = nodes[members[k]].typeName();
      hash = 31 * hash + System.identityHashCode(names[k]);
    }
    int r = 0;
    for (int k = 0; k < n; k++) {
      Node node = nodes[members[k]];
      for (int i = 0; i < node.edgeCount(); i++) {
        int to = member(node.edge(i));
        if (to < 0) {
          continue;
        }
        names[n + r] = node.edgeName(i);
        ends[2 * r] = k;
        ends[2 * r + 1] = to;
        hash = 31 * (31 * (31 * hash + System.identityHashCode(names[n + r])) + k) + to;
        r++;
      }
    }
    return new Signature(names, ends, hash);
  }

  /** How many of the edges of {@code members} lead to a member of the same cycle. */
  private int referencesWithin(Node[] nodes, int[] members) {
    int references = 0;
    for (int m : members) {
      Node node = nodes[m];
      for (int i = 0; i < node.edgeCount(); i++) {
        if (member(node.edge(i)) >= 0) {
          references++;
        }
      }
    }
    return references;
  }

  /**
   * Where {@code target} stands in the cycle being recorded (0 for its first member in garbage
   * order), or -1 when it is not one of its members.
   */
  private int member(Node target) {
    int w = indexOf(target);
    return w < 0 ? -1 : position[w] - 1;
  }

  /**
   * The shape of the cycle {@code members} (in garbage order, {@link #position} set for them) by
   * its key, made of its member types and its references written out: the one met before, or a new
   * one drawn from this cycle. Its strings are made once per signature and collection.
   */
  private Shape shape(Node[] nodes, int[] members, ShapeTable byKey) {
    // No java.util collection here: the JDK's collections may be instrumented, and even with the
    // heap busy each of their calls passes through refshadow's hooks; a collection with many
    // small cycles would pay that per cycle.
    String[] typeNames = new String[members.length];
    for (int k = 0; k < members.length; k++) {
      typeNames[k] = nodes[members[k]].typeName();
    }
    // Types and references are counted by identity first, so that a large cycle makes a string per
    // distinct one (a ring of a million objects of one class has one type and one reference).
    Tuples typeCounts = new Tuples();
    for (String t : typeNames) {
      typeCounts.add(t, null, null);
    }
    String[] sortedTypes = new String[typeCounts.size()];
    for (int i = 0; i < sortedTypes.length; i++) {
      sortedTypes[i] = (String) typeCounts.first(i);
    }
    Arrays.sort(sortedTypes);
    StringBuilder types = new StringBuilder();
    String[] distinctTypes = new String[sortedTypes.length];
    int distinct = 0;
    for (int i = 0; i < sortedTypes.length; ) {
      int count = 0;
      int j = i;
      // two classes of one name (two class loaders) are one type here, as in the key
      while (j < sortedTypes.length && sortedTypes[j].equals(sortedTypes[i])) {
        count += typeCounts.count(sortedTypes[j], null, null);
        j++;
      }
      if (types.length() > 0) {
        types.append(", ");
      }
      types.append(sortedTypes[i]).append(" x").append(count);
      distinctTypes[distinct++] = sortedTypes[i];
      i = j;
    }
    Tuples references = new Tuples();
    StringBuilder objectGraph = new StringBuilder();
    for (int k = 0; k < members.length; k++) {
      Node node = nodes[members[k]];
      for (int i = 0; i < node.edgeCount(); i++) {
        int to = member(node.edge(i));
        if (to < 0) {
          continue;
        }
        String src = typeNames[k];
        String dst = typeNames[to];
        String field = node.edgeName(i);
        references.add(src, field, dst);
        if (members.length <= MAX_DRAWN_OBJECTS) {
          if (objectGraph.length() > 0) {
            objectGraph.append('\n');
          }
          objectGraph
              .append(src)
              .append('#')
              .append(k + 1)
              .append(" -")
              .append(field)
              .append("-> ")
              .append(dst)
              .append('#')
              .append(to + 1);
        }
      }
    }
    String[] fieldLines = new String[references.size()];
    for (int r = 0; r < fieldLines.length; r++) {
      fieldLines[r] =
          fieldLine(
              (String) references.first(r),
              (String) references.second(r),
              (String) references.third(r));
    }
    String fields = joinDistinct(fieldLines);
    String key = members.length + "|" + types + "|" + fields;
    Shape s = byKey.get(key);
    if (s == null) {
      String graph =
          members.length <= MAX_DRAWN_OBJECTS ? objectGraph.toString() : typeGraph(references);
      s =
          new Shape(
              types.toString(),
              fields,
              graph,
              new ArrayList<>(Arrays.asList(Arrays.copyOf(distinctTypes, distinct))));
      byKey.put(key, s);
      shapes.add(s);
    }
    return s;
  }

  /** A large cycle's graph, drawn by types: each of its distinct references once. */
  private static String typeGraph(Tuples references) {
    String[] lines = new String[references.size()];
    for (int r = 0; r < lines.length; r++) {
      lines[r] = references.first(r) + " -" + references.second(r) + "-> " + references.third(r);
    }
    return joinDistinct(lines);
  }

  /** Sorted, without repeats, one a line, at most {@link #MAX_FIELD_LINES} of them. */
  private static String joinDistinct(String[] lines) {
    Arrays.sort(lines);
    int distinct = 0;
    for (int i = 0; i < lines.length; i++) {
      if (i == 0 || !lines[i].equals(lines[i - 1])) {
        distinct++;
      }
    }
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (int i = 0; i < lines.length; i++) {
      if (i > 0 && lines[i].equals(lines[i - 1])) {
        continue;
      }
      if (n == MAX_FIELD_LINES) {
        b.append("\n... ").append(distinct - n).append(" more");
        break;
      }
      if (n > 0) {
        b.append('\n');
      }
      b.append(lines[i]);
      n++;
    }
    return b.toString();
  }

  /**
   * A cycle by the identity of what its key is written from: its members' type names in garbage
   * order (a class's name is one string while the class lives), and each reference between them as
   * its field's name and the positions of its two ends. Equal signatures make equal keys, so the
   * cycles of a shape met before in the same collection (in H2, about 64 two-object cycles of one
   * shape in each young collection) skip the key's strings. Not the converse: the same shape with
   * its members in another order, or with two classes whose display names are equal strings but not
   * one string (two array classes of one name from two loaders, two lambdas' hidden classes), finds
   * its shape through the key, once per collection.
   */
  private static final class Signature {
    private final Object[] names;
    private final int[] ends;
    private final int hash;

    Signature(Object[] names, int[] ends, int hash) {
      this.names = names;
      this.ends = ends;
      this.hash = hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Signature)) {
        return false;
      }
      Signature other = (Signature) o;
      if (hash != other.hash
          || names.length != other.names.length
          || !Arrays.equals(ends, other.ends)) {
        return false;
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i] != other.names[i]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /**
   * Distinct tuples of up to three references, compared by identity, each with how often it was
   * added, in the order first added: open addressing, no java.util collection (see {@link #shape}).
   */
  private static final class Tuples {
    private int[] slots = new int[16]; // an entry's index + 1; 0 is empty
    private Object[] firsts = new Object[8];
    private Object[] seconds = new Object[8];
    private Object[] thirds = new Object[8];
    private int[] counts = new int[8];
    private int size;

    void add(Object x, Object y, Object z) {
      int i = find(x, y, z);
      int e = slots[i] - 1;
      if (e >= 0) {
        counts[e]++;
        return;
      }
      if (size == firsts.length) {
        firsts = Arrays.copyOf(firsts, size * 2);
        seconds = Arrays.copyOf(seconds, size * 2);
        thirds = Arrays.copyOf(thirds, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      firsts[size] = x;
      seconds[size] = y;
      thirds[size] = z;
      counts[size] = 1;
      slots[i] = ++size;
      if (2 * size > slots.length) {
        slots = new int[slots.length * 2];
        for (int k = 0; k < size; k++) {
          slots[find(firsts[k], seconds[k], thirds[k])] = k + 1;
        }
      }
    }

    /** How often {@code (x, y, z)} was added. */
    int count(Object x, Object y, Object z) {
      int e = slots[find(x, y, z)] - 1;
      return e < 0 ? 0 : counts[e];
    }

    /** The slot that holds {@code (x, y, z)}, or the empty one where it would go. */
    private int find(Object x, Object y, Object z) {
      int h =
          31 * (31 * System.identityHashCode(x) + System.identityHashCode(y))
              + System.identityHashCode(z);
      h ^= h >>> 16;
      int mask = slots.length - 1;
      for (int i = h & mask; ; i = (i + 1) & mask) {
        int e = slots[i] - 1;
        if (e < 0 || (firsts[e] == x && seconds[e] == y && thirds[e] == z)) {
          return i;
        }
      }
    }

    int size() {
      return size;
    }

    Object first(int i) {
      return firsts[i];
    }

    Object second(int i) {
      return seconds[i];
    }

    Object third(int i) {
      return thirds[i];
    }
  }

  /**
   * Shapes by key or by {@link Signature}: open addressing, no java.util collection (see {@link
   * #shape}).
   */
  private static final class ShapeTable {
    private Object[] keys = new Object[16];
    private Shape[] values = new Shape[16];
    private int size;

    Shape get(Object key) {
      int mask = keys.length - 1;
      for (int i = key.hashCode() & mask; keys[i] != null; i = (i + 1) & mask) {
        if (keys[i].equals(key)) {
          return values[i];
        }
      }
      return null;
    }

    void put(Object key, Shape value) {
      if (2 * (size + 1) > keys.length) {
        Object[] oldKeys = keys;
        Shape[] oldValues = values;
        keys = new Object[oldKeys.length * 2];
        values = new Shape[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != null) {
            put(oldKeys[i], oldValues[i]);
          }
        }
      }
      int mask = keys.length - 1;
      int i = key.hashCode() & mask;
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
      values[i] = value;
      size++;
    }
  }

  static String fieldLine(String src, String field, String dst) {
    return "[]".equals(field) ? src + " element -> " + dst : src + "." + field + " -> " + dst;
  }
}
