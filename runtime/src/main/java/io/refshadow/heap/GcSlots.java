package io.refshadow.heap;

/**
 * The index space the generation lists are linked through: a tracked node (and each list's
 * sentinel) owns one slot, its number in {@link Node#gcSlot}, and the lists' links are kept here by
 * slot, in {@link #prev} and {@link #next}, beside the node in {@link #nodes}.
 *
 * <p>Why numbers: the lists are the cycle detector's busiest stores (a collection moves each object
 * between lists once or twice, and every allocation and free links or unlinks one), and under G1,
 * the JVM's default collector, every reference stored into an old object pays a post-write barrier
 * with a StoreLoad fence. A long-lived graph is old, so a full collection of 10^6 objects spent
 * most of its time in those barriers (bench/README.md, Session 19). An {@code int} store pays none;
 * the one reference store left is the slot's own, when a node is tracked.
 *
 * <p>Why the links are not in the nodes (Session 21): a walk of a list then reads the next slot
 * number from an array it reads in order, not from the node it has just reached, so the processor
 * fetches many of the walk's nodes at once where a chain of links would wait for each (the
 * detector's first pass over a generation, which meets its nodes cold, took an eighth of Jackson's
 * time); and unlinking a freed node writes two array entries instead of its two neighbours.
 *
 * <p>Slot 0 is never used, so a node's slot 0 means "in no list". New slots are taken in order; a
 * freed slot is only nulled. When the array is full, the slots in use are renumbered densely, in
 * their order, into arrays with room for half as many again ({@link #compact}): no free list,
 * amortized constant work per slot, and the slots keep the order the nodes were tracked in, which
 * is a generation's list order until a collection moves nodes around, so that a walk of a list
 * mostly reads the arrays in order. After a full collection has freed most slots, {@link
 * #compactIfSparse} gives the memory back. Guarded by the heap's lock, like the nodes.
 */
final class GcSlots {
  /** Room for the detector's eight sentinels and a few nodes: a released shadow keeps no more. */
  private static final int INITIAL = 16;

  /** The node in each slot, or null for a free slot (and for slot 0). */
  Node[] nodes = new Node[INITIAL];

  /**
   * The generation list links of each slot in use: the slots before and after it in its list. A
   * free slot's are left as they were. While the cycle detector computes which objects are
   * reachable, {@code prev} holds gc_refs instead for the objects of the generation it collects, as
   * CPython's {@code _gc_prev} does, and its move_unreachable restores the links.
   */
  int[] prev = new int[INITIAL], next = new int[INITIAL];

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

  /** Every list whose nodes have slots here, in the order their sentinels took them. */
  private GcList[] lists = new GcList[0];

  /** Registers a new list, whose sentinel takes a slot. */
  void register(GcList list) {
    lists = java.util.Arrays.copyOf(lists, lists.length + 1);
    lists[lists.length - 1] = list;
    placeSentinel(list);
  }

  /** Gives {@code list}'s sentinel a new slot, linked to itself: the list is empty. */
  private void placeSentinel(GcList list) {
    int self = add(list.head);
    prev[self] = self;
    next[self] = self;
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
    n.gcSlot = top;
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

  /** The end of the slots in use: every node with a slot has a number below it. */
  int top() {
    return top;
  }

  /** Slots in use (sentinels included). */
  int used() {
    return top - 1 - freed;
  }

  /** Bytes of the arrays. */
  long footprint() {
    return 3 * (16L + 4L * nodes.length);
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
   * Makes room when the arrays are full: renumbers the slots taken since the last renumbering,
   * leaving the settled ones below them in place, or all of them when a quarter of the settled
   * slots are free, into arrays with room for half as many slots again as are in use (so arrays
   * that fill up grow by half: 12 to 18 bytes per tracked object, up to a third more in free
   * settled slots; and arrays that many frees left mostly empty shrink).
   */
  private void compact() {
    compact(freedSettled * 4 > settled ? 1 : settled);
  }

  /**
   * Renumbers the slots from {@code from} up (1: all of them) into arrays with room for half as
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
   * were tracked in: a node keeps its slot through every move), into new arrays of {@code
   * capacity}, the slots below {@code from} copied as they are. Two passes in slot order: the first
   * moves each node and tells it its new number, the second rewrites the links through a table of
   * new numbers, reading only the arrays.
   */
  private void renumber(int from, int capacity) {
    Node[] oldNodes = nodes;
    int[] oldPrev = prev;
    int[] oldNext = next;
    Node[] freshNodes = new Node[capacity];
    int[] freshPrev = new int[capacity];
    int[] freshNext = new int[capacity];
    System.arraycopy(oldNodes, 0, freshNodes, 0, from);
    System.arraycopy(oldPrev, 0, freshPrev, 0, from);
    System.arraycopy(oldNext, 0, freshNext, 0, from);
    int[] renumbered = new int[top - from];
    int end = from;
    for (int i = from; i < top; i++) {
      Node n = oldNodes[i];
      if (n != null) {
        renumbered[i - from] = end;
        n.gcSlot = end;
        freshNodes[end++] = n;
      }
    }
    for (int i = from; i < top; i++) {
      if (oldNodes[i] == null) {
        continue;
      }
      int k = renumbered[i - from];
      int before = oldPrev[i];
      if (before >= from) {
        freshPrev[k] = renumbered[before - from];
      } else {
        freshPrev[k] = before;
        freshNext[before] = k; // a settled neighbour keeps its number; its link to this one changes
      }
      int after = oldNext[i];
      if (after >= from) {
        freshNext[k] = renumbered[after - from];
      } else {
        freshNext[k] = after;
        freshPrev[after] = k;
      }
    }
    nodes = freshNodes;
    prev = freshPrev;
    next = freshNext;
    top = end;
    if (from == 1) {
      freedSettled = 0;
    }
    freed = freedSettled; // the free slots left are the settled ones'
    settled = end;
  }

  /** Forgets every node (the shadow is released): the lists are left empty, the arrays small. */
  void reset() {
    nodes = new Node[INITIAL];
    prev = new int[INITIAL];
    next = new int[INITIAL];
    top = 1;
    freed = 0;
    settled = 1; // as in a new array: nothing renumbered yet
    freedSettled = 0;
    for (GcList l : lists) {
      placeSentinel(l); // INITIAL has room for every sentinel: no renumbering
    }
  }
}
