package io.refshadow.heap;

/**
 * Finds the node of a real object by identity, without holding the object strongly: an open
 * addressing hash table (linear probing) keyed by {@link System#identityHashCode}. Guarded by the
 * heap's lock.
 *
 * <p>Two parts (Session 22). The nodes sit in {@link #nodes}, each at an index it knows ({@link
 * Node#tableSlot}) and keeps while it is in the table; the hash part, {@link #slots}, holds for
 * each entry its object's identity hash and the node's index, in one {@code long}. Before, the hash
 * part held the nodes themselves, and that had three costs. A rebuild of the hash part (a grown
 * table, or one purged of tombstones) wrote each moved node's new slot into the node, a cache miss
 * on a node allocated long before (4-5% of Jackson's time, bench/README.md Session 20); now it
 * moves {@code long}s and writes {@code int}s, where each node it moved was also a reference store
 * into an old array, which pays G1's write barrier (a node is now stored once, at its add). And the
 * JVM's young collections reached a young node first through the hash part, so they copied the
 * nodes in hash order, and the cycle detector, which walks them in the order they were tracked, met
 * each cold ({@code GcShapes --age}: pairs in the table three times slower than CPython, Session
 * 19); {@link #nodes} lists them in the order they were added (an index freed is taken again by the
 * next add).
 *
 * <p>Removing a node writes a tombstone into its hash slot, which {@link #where} gives, and puts
 * its index on a free list, with no load from the node but its index. Tombstones count as used
 * slots, so that a probe never runs longer than at half load; an add reuses the first tombstone it
 * meets, and when used slots reach half the table the hash part is rebuilt without them (at twice
 * the size if the entries alone fill a third of it, otherwise in place). Entries whose object the
 * JVM has reclaimed stay until the shadow frees their node (a rebuild reads no node to find them;
 * nobody can look them up any more). Invariant: a node has {@link Node#IN_TABLE} exactly when
 * {@code nodes[n.tableSlot] == n}.
 *
 * <p>The table also shrinks: once removals have left it less than a sixteenth full, the next add
 * (or {@link #shrinkIfSparse}, which an explicit {@code gc.collect()} calls when it is done,
 * already at an eighth) rebuilds the hash part an eighth to a quarter full (never below {@link
 * #MIN_CAPACITY}), and gives the nodes left new indices, densely, from 0. Until Session 18 it kept
 * the size of its peak, whose arrays were half of the shadow's memory at rest after a Jackson run.
 * The next shrink waits until at least half of the entries left are gone, so a removal pays for at
 * most a few slot reads (in order) and one node write. Not at the removal itself: a mass free (a
 * collection's garbage, a large structure's last reference) would move, at each halving, entries it
 * was about to remove, a node write each (a cache miss): shrinking during the removals doubled the
 * time of a collection of 100,000 pairs ({@code bench/gc-vs-cpython}, 3.2 to 6-9 ms).
 */
final class NodeTable {
  /** The smallest hash part, and the first. */
  static final int MIN_CAPACITY = 1 << 12;

  /** A hash slot whose entry was removed. Never an entry: its index half is not a valid index. */
  private static final long TOMBSTONE = -1L;

  /**
   * The hash part: 0 for an empty slot, {@link #TOMBSTONE}, or an entry, {@code (hash << 32) |
   * (index + 1)}. A probe compares hashes here and reads a node only when its hash matches, so a
   * lookup that misses (a fresh object, the common case for the JDK's objects) reads no node.
   */
  private long[] slots = new long[MIN_CAPACITY];

  /** The node at each index, in the order they were added, or null for a free index. */
  private Node[] nodes = new Node[MIN_CAPACITY / 2];

  /**
   * For an index in use, its entry's slot in {@link #slots}; for a free one, the next free index
   * (-1: none).
   */
  private int[] where = new int[nodes.length];

  /** The indices below this one have been used since the last renumbering. */
  private int top;

  /** The first free index below {@link #top}, or -1. */
  private int freeHead = -1;

  /** Nodes in the table. */
  private int size;

  /** Slots not empty: entries and tombstones. */
  private int used;

  private static long entry(int hash, int index) {
    return ((long) hash << 32) | (index + 1L);
  }

  private static int indexOf(long entry) {
    return (int) entry - 1;
  }

  private static int hashOf(long entry) {
    return (int) (entry >>> 32);
  }

  Node find(Object obj, int hash) {
    long[] s = slots;
    int mask = s.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long e = s[i];
      if (e == 0) {
        return null;
      }
      if (e != TOMBSTONE && hashOf(e) == hash) {
        Node n = nodes[indexOf(e)];
        if (n.get() == obj) {
          return n;
        }
      }
    }
  }

  /**
   * Adds {@code node}, whose object's identity hash is {@code hash} (the node does not keep it).
   */
  void add(Node node, int hash) {
    shrinkIfSparse(); // removals emptied it
    if (used >= slots.length >> 1) {
      rehash(slots.length, 3);
    }
    int index = takeIndex();
    long[] s = slots;
    int mask = s.length - 1;
    int i = hash & mask;
    while (s[i] != 0 && s[i] != TOMBSTONE) {
      i = (i + 1) & mask;
    }
    if (s[i] == 0) {
      used++;
    } // else a tombstone: taken over
    s[i] = entry(hash, index);
    where[index] = i;
    nodes[index] = node;
    node.tableSlot = index;
    node.flags |= Node.IN_TABLE;
    size++;
  }

  /** A free index: the last one freed, or the next never used (the arrays grow by half). */
  private int takeIndex() {
    int index = freeHead;
    if (index >= 0) {
      freeHead = where[index];
      return index;
    }
    if (top == nodes.length) {
      int length = nodes.length + (nodes.length >> 1);
      nodes = java.util.Arrays.copyOf(nodes, length);
      where = java.util.Arrays.copyOf(where, length);
    }
    return top++;
  }

  void remove(Node node) {
    if (!node.has(Node.IN_TABLE)) {
      return;
    }
    int index = node.tableSlot;
    slots[where[index]] = TOMBSTONE;
    nodes[index] = null;
    where[index] = freeHead;
    freeHead = index;
    node.flags &= ~Node.IN_TABLE;
    size--;
  }

  /** {@link #shrinkIfSparse(int)} at a sixteenth, as every add asks first. */
  void shrinkIfSparse() {
    shrinkIfSparse(4);
  }

  /**
   * Shrinks the table, its hash part to an eighth to a quarter full, if it is less than a {@code 1
   * << shift}th full: a sixteenth at an add, which the program's work pays for; an eighth at the
   * end of an explicit {@code gc.collect()}, which has just walked every tracked object, and after
   * which the program may add nothing for a while. Either way the new hash part is at most half the
   * old one.
   */
  void shrinkIfSparse(int shift) {
    // the index arrays (at most three quarters of the hash part's length) shrink with it
    if (size < slots.length >>> shift && slots.length > MIN_CAPACITY) {
      renumber();
    }
  }

  /** Bytes the table's own arrays take (8 per hash slot; 4 per index, twice). */
  long footprint() {
    return slots.length * 8L + nodes.length * 8L;
  }

  /** Forgets every node (the shadow heap gives its memory back; see ShadowHeap#releaseAll). */
  void clear() {
    for (int i = 0; i < top; i++) {
      Node n = nodes[i];
      if (n != null) {
        n.flags &= ~Node.IN_TABLE; // its index means nothing in the new arrays
      }
    }
    slots = new long[1 << 6];
    nodes = new Node[1 << 5];
    where = new int[nodes.length];
    top = 0;
    freeHead = -1;
    size = 0;
    used = 0;
  }

  int size() {
    return size;
  }

  /** Visits every node in the table (for diagnostics). */
  void forEach(java.util.function.Consumer<Node> visit) {
    for (int i = 0; i < top; i++) {
      Node n = nodes[i];
      if (n != null) {
        visit.accept(n);
      }
    }
  }

  /**
   * The smallest hash part, {@code least} or more, that leaves the table less than {@code 1 /
   * spread} full.
   */
  private int capacityFor(int least, int spread) {
    int capacity = least;
    while ((long) size * spread >= capacity) {
      capacity <<= 1;
    }
    return capacity;
  }

  /**
   * Rebuilds the hash part without its tombstones at the smallest size, {@code least} or more, that
   * leaves it less than {@code 1 / spread} full: in place if that is its size, else into a new
   * array. Reads and writes no node.
   */
  private void rehash(int least, int spread) {
    int capacity = capacityFor(least, spread);
    if (capacity == slots.length) {
      purge();
      return;
    }
    long[] old = slots;
    long[] fresh = new long[capacity];
    for (long e : old) {
      if (e != 0 && e != TOMBSTONE) {
        int i = emptySlot(fresh, hashOf(e));
        fresh[i] = e;
        where[indexOf(e)] = i;
      }
    }
    slots = fresh;
    used = size;
  }

  /**
   * The first empty slot on {@code hash}'s probe path in a hash part being built (no tombstones).
   */
  private static int emptySlot(long[] fresh, int hash) {
    int mask = fresh.length - 1;
    int i = hash & mask;
    while (fresh[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /**
   * Shrinks both parts: the nodes left take the indices from 0 in their order (each told its new
   * one: a node write each, for the few left) in arrays with room for half as many again, and the
   * hash part is rebuilt an eighth to a quarter full.
   */
  private void renumber() {
    int capacity = capacityFor(MIN_CAPACITY, 4);
    long[] old = slots;
    long[] fresh = new long[capacity];
    int length = Math.max(MIN_CAPACITY / 2, size + (size >> 1) + 1);
    Node[] freshNodes = new Node[length];
    int[] freshWhere = new int[length];
    int k = 0;
    for (int index = 0; index < top; index++) {
      Node n = nodes[index];
      if (n == null) {
        continue;
      }
      int hash = hashOf(old[where[index]]);
      int i = emptySlot(fresh, hash);
      fresh[i] = entry(hash, k);
      freshWhere[k] = i;
      freshNodes[k] = n;
      n.tableSlot = k++;
    }
    slots = fresh;
    nodes = freshNodes;
    where = freshWhere;
    top = k;
    freeHead = -1;
    used = size;
  }

  /**
   * Drops the tombstones in place, at the same size: a long-running program's table (Jackson's
   * holds about 250,000 entries in a million slots) fills with tombstones every few hundred
   * thousand frees. Each entry moves to the first empty slot of its probe path, if there is one
   * before it. The pass starts after a slot that was empty before (not a tombstone: paths cross
   * those), which no probe path crosses, and goes once around, emptying tombstones as it meets
   * them: each entry is placed after every entry before it on its path, whose tombstones the pass
   * has already emptied, so every path is again unbroken.
   */
  private void purge() {
    long[] s = slots;
    int mask = s.length - 1;
    int start = 0;
    while (s[start] != 0) {
      start++; // empty, not a tombstone (a path may cross one); there is one: used < length
    }
    for (int k = 1; k <= mask; k++) {
      int i = (start + k) & mask;
      long e = s[i];
      if (e == 0) {
        continue;
      }
      if (e == TOMBSTONE) {
        s[i] = 0;
        continue;
      }
      int j = hashOf(e) & mask;
      while (j != i && s[j] != 0) {
        j = (j + 1) & mask;
      }
      if (j != i) {
        s[j] = e;
        s[i] = 0;
        where[indexOf(e)] = j;
      }
    }
    used = size;
  }
}
