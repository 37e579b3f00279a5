package io.refshadow.heap;

/**
 * Operations on CPython's {@code PyGC_Head} lists: circular, doubly linked, with a sentinel head.
 * The links are slot numbers kept in the lists' shared {@link GcSlots} ({@link GcSlots#prev} and
 * {@link GcSlots#next}), not in the nodes: a walk of a list reads only those arrays, so the reads
 * of its nodes do not wait for each other, and linking or unlinking a node touches no neighbour. A
 * node knows its own slot ({@link Node#gcSlot}, 0 when in no list). Names follow {@code gc_list_*}
 * in gcmodule.c.
 */
final class GcList {
  final GcSlots slots;
  final Node head = new Node();

  /** The sentinel's slot (it changes only when {@link GcSlots} renumbers). */
  int headSlot() {
    return head.gcSlot;
  }

  GcList(GcSlots slots) {
    this.slots = slots;
    slots.register(this);
  }

  boolean isEmpty() {
    int headSlot = headSlot();
    return slots.next[headSlot] == headSlot;
  }

  Node first() {
    return slots.nodes[slots.next[headSlot()]];
  }

  /** The node after {@code n} in its list ({@link #head} after the last). */
  Node next(Node n) {
    return slots.nodes[slots.next[n.gcSlot]];
  }

  /** gc_list_append: puts {@code n} (not in any list) at the end. */
  void append(Node n) {
    link(slots.add(n));
  }

  /** Puts slot {@code self}, which is in no list (or has just been unlinked), at the end. */
  void link(int self) {
    int[] prev = slots.prev;
    int[] next = slots.next;
    int headSlot = headSlot();
    int last = prev[headSlot];
    prev[self] = last;
    next[self] = headSlot;
    next[last] = self;
    prev[headSlot] = self;
  }

  /** Takes slot {@code self} out of its list, its neighbours linked to each other. */
  private static void unlink(int self, GcSlots slots) {
    int[] prev = slots.prev;
    int[] next = slots.next;
    int before = prev[self];
    int after = next[self];
    next[before] = after;
    prev[after] = before;
  }

  /** gc_list_remove: unlinks {@code n} and frees its slot. */
  static void remove(Node n, GcSlots slots) {
    int self = n.gcSlot;
    unlink(self, slots);
    slots.release(self);
    n.gcSlot = 0;
  }

  /** gc_list_move: unlinks {@code n} from its list (of the same slots) and appends it here. */
  void move(Node n) {
    int self = n.gcSlot;
    unlink(self, slots);
    link(self);
  }

  /** gc_list_merge: appends all of {@code from} here, leaving {@code from} empty. */
  void mergeFrom(GcList from) {
    if (from == this || from.isEmpty()) {
      return;
    }
    int[] prev = slots.prev;
    int[] next = slots.next;
    int headSlot = headSlot();
    int fromHead = from.headSlot();
    int tail = prev[headSlot];
    int first = next[fromHead];
    int last = prev[fromHead];
    next[tail] = first;
    prev[first] = tail;
    next[last] = headSlot;
    prev[headSlot] = last;
    next[fromHead] = fromHead;
    prev[fromHead] = fromHead;
  }

  /** gc_list_size. */
  int size() {
    int n = 0;
    int[] next = slots.next;
    int headSlot = headSlot();
    for (int i = next[headSlot]; i != headSlot; i = next[i]) {
      n++;
    }
    return n;
  }
}
