package io.refshadow.heap;

/**
 * The index space the generation lists are linked through: a tracked node (and each list's
 * sentinel) owns one slot of {@link #nodes}, and {@link Node#gcPrev}/{@link Node#gcNext} hold slot
 * numbers instead of references.
 *
 * <p>Why numbers: the lists are the cycle detector's busiest stores (a collection moves each object
 * between lists once or twice, and every allocation and free links or unlinks one), and under G1,
 * the JVM's default collector, every reference stored into an old object pays a post-write barrier
 * with a StoreLoad fence. A long-lived graph is old, so a full collection of 10^6 objects spent
 * most of its time in those barriers (bench/README.md, Session 19). An {@code int} store pays none;
 * the one reference store left is the slot's own, when a node is tracked.
 *
 * <p>A node does not keep its own slot number: in a circular doubly linked list it is its
 * predecessor's {@code gcNext} ({@link #self}), which keeps {@link Node} at 72 bytes. Slot 0 is
 * never used, so 0 in a link means "in no list". New slots are taken in order; a freed slot is only
 * nulled. When the array is full, the slots in use are renumbered densely, in their order, into an
 * array with room for half as many again ({@link #compact}): no free list, amortized constant work
 * per slot, and the slots keep the order the nodes were tracked in, which is a generation's list
 * order until a collection moves nodes around, so that a walk of a list mostly reads the array in
 * order. After a full collection has freed most slots, {@link #compactIfSparse} gives the memory
 * back. Guarded by the heap's lock, like the nodes.
 */
final class GcSlots {
  /** Room for the detector's eight sentinels and a few nodes: a released shadow keeps no more. */
  private static final int INITIAL = 16;

  /** The node in each slot, or null for a free slot (and for slot 0). */
  Node[] nodes = new Node[INITIAL];

  /** The first slot never used since the last renumbering. */
  private int top = 1;

  /** Slots freed and not yet renumbered away. */
  private int freed;

  /**
   * The slots below this one were already in use at the last renumbering ({@link #compact}), and
   * the next leaves them where they are while few of them are free: in a program that has run a
   * while they are its long-lived objects, and renumbering them would touch every one of their
   * nodes (a cache miss each) to free slots that are mostly young ones.
   */
  private int settled = 1;

  /** Slots below {@link #settled} freed since the last renumbering that included them. */
  private int freedSettled;

  /** Every list whose nodes have slots here, in the order they are renumbered. */
  private GcList[] lists = new GcList[0];

  /** Registers a new list, whose sentinel takes a slot. */
  void register(GcList list) {
    lists = java.util.Arrays.copyOf(lists, lists.length + 1);
    lists[lists.length - 1] = list;
    list.headSlot = add(list.head);
  }

  /**
   * Puts {@code n} in a new slot and returns its number. May renumber every list first: a caller
   * must not keep slot numbers or the {@link #nodes} array across it.
   */
  int add(Node n) {
    if (top == nodes.length) {
      compact();
    }
    nodes[top] = n;
    return top++;
  }

  /** Frees slot {@code i}. */
  void release(int i) {
    nodes[i] = null;
    freed++;
    if (i < settled) {
      freedSettled++;
    }
  }

  /** The slot of {@code n}, which is in a list: its predecessor's link to it. */
  int self(Node n) {
    return nodes[n.gcPrev].gcNext;
  }

  /** The end of the slots in use: every node with a slot has a number below it. */
  int top() {
    return top;
  }

  /** Slots in use (sentinels included). */
  int used() {
    return top - 1 - freed;
  }

  /** Bytes of the array. */
  long footprint() {
    return 16L + 4L * nodes.length;
  }

  /**
   * After a full collection: renumbers into a smaller array when at most a sixteenth of the slots
   * is in use, so that what the collection freed is given back. Returns whether it did.
   */
  boolean compactIfSparse() {
    int used = used();
    if (nodes.length <= 1024 || used > nodes.length / 16) {
      return false;
    }
    compact(1);
    return true;
  }

  /**
   * Makes room when the array is full: renumbers the slots taken since the last renumbering,
   * leaving the settled ones below them in place, or all of them when a quarter of the settled
   * slots are free, into an array with room for half as many slots again as are in use (so an array
   * that fills up grows by half: 4 to 6 bytes per tracked object, up to a third more in free
   * settled slots; and one that many frees left mostly empty shrinks).
   */
  private void compact() {
    compact(freedSettled * 4 > settled ? 1 : settled);
  }

  /**
   * Renumbers the slots from {@code from} up (1: all of them) into an array with room for half as
   * many slots again as are in use.
   */
  private void compact(int from) {
    int used = used();
    int survivors = used - (from == 1 ? 0 : settled - 1 - freedSettled);
    int needed = from + survivors + (used >> 1) + 2;
    renumber(from, Math.max(INITIAL, needed));
  }

  /**
   * Renumbers the slots from {@code from} up densely, keeping their order (the order their nodes
   * were tracked in: a node keeps its slot through every move), into a new array of {@code
   * capacity}, the slots below {@code from} copied as they are. Two passes in slot order, not a
   * walk of each list: the first reads only the array, the second rewrites the links of each node
   * renumbered (and of its neighbours below {@code from}) through a table of new numbers, and its
   * node reads do not wait for each other as a list walk's do (walking the lists, Jackson's
   * renumberings took 3.7 times as long: bench/README.md, Session 20).
   */
  private void renumber(int from, int capacity) {
    Node[] old = nodes;
    Node[] fresh = new Node[capacity];
    System.arraycopy(old, 0, fresh, 0, from);
    int[] renumbered = new int[top - from];
    int next = from;
    for (int i = from; i < top; i++) {
      Node n = old[i];
      if (n != null) {
        renumbered[i - from] = next;
        fresh[next++] = n;
      }
    }
    for (int k = from; k < next; k++) {
      Node n = fresh[k];
      int prev = n.gcPrev;
      if (prev >= from) {
        n.gcPrev = renumbered[prev - from];
      } else {
        fresh[prev].gcNext = k; // a settled neighbour keeps its number; its link to n changes
      }
      int after = n.gcNext;
      if (after >= from) {
        n.gcNext = renumbered[after - from];
      } else {
        fresh[after].gcPrev = k;
      }
    }
    for (GcList l : lists) {
      if (l.headSlot >= from) {
        l.headSlot = renumbered[l.headSlot - from];
      }
    }
    nodes = fresh;
    top = next;
    if (from == 1) {
      freedSettled = 0;
    }
    freed = freedSettled; // the free slots left are the settled ones'
    settled = next;
  }

  /** Forgets every node (the shadow is released): the lists are left empty, the array small. */
  void reset() {
    nodes = new Node[INITIAL];
    top = 1;
    freed = 0;
    settled = 1; // as in a new array: nothing renumbered yet
    freedSettled = 0;
    for (GcList l : lists) {
      l.headSlot = top;
      nodes[top++] = l.head;
      l.head.gcPrev = l.headSlot;
      l.head.gcNext = l.headSlot;
    }
  }
}
