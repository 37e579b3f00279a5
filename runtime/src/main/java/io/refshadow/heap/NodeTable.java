package io.refshadow.heap;

/**
 * Finds the node of a real object by identity, without holding the object strongly: an open
 * addressing hash table (linear probing) keyed by {@link System#identityHashCode}, whose entries
 * are the nodes themselves (each a weak reference). Guarded by the heap's lock.
 *
 * <p>Each node in the table knows its slot ({@link Node#tableSlot}), so removing it is one store (a
 * tombstone into its slot), with no load: freeing an object, which the cycle detector does for
 * every object of the garbage, no longer waits for a random bucket and the chain behind it (that
 * wait was half of a collection of garbage arrays). Tombstones count as used slots, so that a probe
 * never runs longer than at half load; an add reuses the first tombstone it meets, and a rehash
 * (when used slots reach half the table) drops them all, with the entries whose object the JVM has
 * reclaimed. Invariant: a node has {@link Node#IN_TABLE} exactly when {@code slots[n.tableSlot] ==
 * n}.
 *
 * <p>The table also shrinks: once removals have left it less than a sixteenth full, the next add
 * (or {@link #shrinkIfSparse}, which an explicit {@code gc.collect()} calls when it is done)
 * rebuilds it an eighth to a quarter full (never below {@link #MIN_CAPACITY}). Until Session 18 it
 * kept the size of its peak, whose arrays were half of the shadow's memory at rest after a Jackson
 * run (a {@code Node[]} and an {@code int[]} of 8.6 MB each for 16,000 entries). The next shrink
 * waits until at least half of the entries left are gone, so a removal pays for at most sixteen
 * slot reads (in order) and two node writes. Not at the removal itself: a mass free (a collection's
 * garbage, a large structure's last reference) would move, at each halving, entries it was about to
 * remove, a node write each (a cache miss): shrinking during the removals doubled the time of a
 * collection of 100,000 pairs ({@code bench/gc-vs-cpython}, 3.2 to 6-9 ms). The rebuild that a full
 * table triggers never shrinks it (it drops tombstones, and grows).
 */
final class NodeTable {
  /** The smallest table, and the first. */
  static final int MIN_CAPACITY = 1 << 12;

  private Node[] slots = new Node[MIN_CAPACITY];

  /**
   * The identity hash of each slot's node, parallel to {@link #slots} (meaningless where the slot
   * is null): a probe compares hashes here and reads a node only when its hash matches, so a lookup
   * that misses (a fresh object, the common case for the JDK's objects) reads no node at all, and
   * one that hits reads one; reading each candidate node was a cache miss per probe.
   */
  private int[] hashes = new int[slots.length];

  /** Bit i set: slot i is null because its entry was removed (a tombstone). */
  private long[] removed = new long[slots.length >> 6];

  /** Nodes in the table. */
  private int size;

  /** Slots not null: nodes and tombstones. */
  private int used;

  Node find(Object obj, int hash) {
    Node[] s = slots;
    int[] h = hashes;
    int mask = s.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Node n = s[i];
      if (n == null) {
        if ((removed[i >>> 6] & (1L << i)) == 0) {
          return null;
        }
      } else if (h[i] == hash && n.get() == obj) {
        return n;
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
    Node[] s = slots;
    int mask = s.length - 1;
    int i = hash & mask;
    while (true) {
      if (s[i] == null) {
        long bit = 1L << i;
        if ((removed[i >>> 6] & bit) == 0) {
          used++;
        } else {
          removed[i >>> 6] &= ~bit; // a tombstone: taken over
        }
        break;
      }
      i = (i + 1) & mask;
    }
    s[i] = node;
    hashes[i] = hash;
    node.tableSlot = i;
    node.flags |= Node.IN_TABLE;
    size++;
  }

  void remove(Node node) {
    if (!node.has(Node.IN_TABLE)) {
      return;
    }
    int i = node.tableSlot;
    slots[i] = null;
    removed[i >>> 6] |= 1L << i;
    node.flags &= ~Node.IN_TABLE;
    size--;
  }

  /**
   * Shrinks the table, to an eighth to a quarter full, if removals have left it less than a
   * sixteenth full. Every add asks first; so does the end of a mass free after which the program
   * may add nothing for a while.
   */
  void shrinkIfSparse() {
    if (size < slots.length >>> 4 && slots.length > MIN_CAPACITY) {
      rehash(MIN_CAPACITY, 4);
    }
  }

  /**
   * Bytes the table's own arrays take (a 4-byte slot, compressed references, a 4-byte hash, and a
   * bit each).
   */
  long footprint() {
    return slots.length * 8L + removed.length * 8L;
  }

  /** Forgets every node (the shadow heap gives its memory back; see ShadowHeap#releaseAll). */
  void clear() {
    for (Node n : slots) {
      if (n != null) {
        n.flags &= ~Node.IN_TABLE; // its slot number means nothing in the new array
      }
    }
    slots = new Node[1 << 6];
    hashes = new int[slots.length];
    removed = new long[1];
    size = 0;
    used = 0;
  }

  int size() {
    return size;
  }

  /** Visits every node in the table (for diagnostics). */
  void forEach(java.util.function.Consumer<Node> visit) {
    for (Node n : slots) {
      if (n != null) {
        visit.accept(n);
      }
    }
  }

  /**
   * Rebuilds the table without its tombstones, dropping entries whose object the JVM has already
   * reclaimed (nobody can look them up any more, though the node itself lives on in the shadow
   * until it is freed there), at the smallest size, {@code least} or more, that leaves it less than
   * {@code 1 / spread} full (adds: its own size or more, a third; removals: any size, a quarter).
   * One pass: the new size is chosen from the number of entries, reclaimed ones included, so that
   * each node is read once (reading every node's referent twice, to count the live ones first, was
   * half the cost of a rehash, each read a cache miss on a node allocated long before).
   */
  private void rehash(int least, int spread) {
    Node[] old = slots;
    int capacity = least;
    while (size * spread >= capacity) {
      capacity <<= 1;
    }
    if (capacity == old.length) {
      purge();
      return;
    }
    Node[] fresh = new Node[capacity];
    int[] freshHashes = new int[capacity];
    int[] oldHashes = hashes;
    int mask = capacity - 1;
    int kept = 0;
    for (int k = 0; k < old.length; k++) {
      Node n = old[k];
      if (n == null) {
        continue;
      }
      if (n.get() != null) {
        int hash = oldHashes[k];
        int i = hash & mask;
        while (fresh[i] != null) {
          i = (i + 1) & mask;
        }
        fresh[i] = n;
        freshHashes[i] = hash;
        n.tableSlot = i;
        kept++;
      } else {
        n.flags &= ~Node.IN_TABLE;
      }
    }
    slots = fresh;
    hashes = freshHashes;
    removed = new long[capacity >> 6];
    size = kept;
    used = kept;
  }

  /**
   * Drops the tombstones in place, at the same size: a long-running program's table (Jackson's
   * holds about 250,000 entries in a million slots) fills with tombstones every few hundred
   * thousand frees, and a rebuild into new arrays read and wrote every node (a cache miss each) and
   * stored each into a new array too large for the young generation, where the JVM's write barrier
   * taxes every store; it took 4-5% of Jackson's time (bench/README.md, Session 20). Here, with the
   * tombstones emptied, each entry moves to the first empty slot of its probe path, if there is one
   * before it, and only the entries that move are written (nodes whose object the JVM has reclaimed
   * stay until the shadow frees them). The pass starts after a slot that was empty before (not a
   * tombstone: paths cross those), which no probe path crosses, and goes once around: each entry is
   * placed after every entry before it on its path, so every path is again unbroken.
   */
  private void purge() {
    Node[] s = slots;
    int[] h = hashes;
    int mask = s.length - 1;
    int start = 0;
    while (s[start] != null || (removed[start >>> 6] & (1L << start)) != 0) {
      start++; // empty, not a tombstone (a path may cross one); there is one: used < length
    }
    java.util.Arrays.fill(removed, 0L);
    for (int k = 1; k <= mask; k++) {
      int i = (start + k) & mask;
      Node n = s[i];
      if (n == null) {
        continue;
      }
      int hash = h[i];
      int j = hash & mask;
      while (j != i && s[j] != null) {
        j = (j + 1) & mask;
      }
      if (j != i) {
        s[j] = n;
        h[j] = hash;
        s[i] = null;
        n.tableSlot = j;
      }
    }
    used = size;
  }
}
