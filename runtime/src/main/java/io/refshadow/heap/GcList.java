package io.refshadow.heap;

/**
 * Operations on CPython's {@code PyGC_Head} lists: circular, doubly linked through {@link
 * Node#gcPrev}/{@link Node#gcNext}, with a sentinel head. The links are slot numbers in the lists'
 * shared {@link GcSlots} (int stores, which the JVM's write barriers do not tax), and 0 in a node
 * that is in no list. Names follow {@code gc_list_*} in gcmodule.c.
 */
final class GcList {
  final GcSlots slots;
  final Node head = new Node();

  /** The sentinel's slot (it changes only when {@link GcSlots} renumbers). */
  int headSlot;

  GcList(GcSlots slots) {
    this.slots = slots;
    slots.register(this);
    head.gcPrev = headSlot;
    head.gcNext = headSlot;
  }

  boolean isEmpty() {
    return head.gcNext == headSlot;
  }

  Node first() {
    return slots.nodes[head.gcNext];
  }

  /** The node after {@code n} in its list ({@link #head} after the last). */
  Node next(Node n) {
    return slots.nodes[n.gcNext];
  }

  /** gc_list_append: puts {@code n} (not in any list) at the end. */
  void append(Node n) {
    link(n, slots.add(n));
  }

  private void link(Node n, int self) {
    int last = head.gcPrev;
    n.gcPrev = last;
    n.gcNext = headSlot;
    slots.nodes[last].gcNext = self;
    head.gcPrev = self;
  }

  /**
   * Takes {@code n} out of its list, its neighbours linked to each other, and returns its slot,
   * which it keeps; its own links are left as they were.
   */
  private static int unlink(Node n, Node[] s) {
    Node prev = s[n.gcPrev];
    int self = prev.gcNext;
    prev.gcNext = n.gcNext;
    s[n.gcNext].gcPrev = n.gcPrev;
    return self;
  }

  /** gc_list_remove: unlinks {@code n} and frees its slot. */
  static void remove(Node n, GcSlots slots) {
    slots.release(unlink(n, slots.nodes));
    n.gcPrev = 0;
    n.gcNext = 0;
  }

  /** gc_list_move: unlinks {@code n} from its list (of the same slots) and appends it here. */
  void move(Node n) {
    link(n, unlink(n, slots.nodes));
  }

  /** gc_list_merge: appends all of {@code from} here, leaving {@code from} empty. */
  void mergeFrom(GcList from) {
    if (from == this || from.isEmpty()) {
      return;
    }
    Node[] s = slots.nodes;
    int tail = head.gcPrev;
    int first = from.head.gcNext;
    int last = from.head.gcPrev;
    s[tail].gcNext = first;
    s[first].gcPrev = tail;
    s[last].gcNext = headSlot;
    head.gcPrev = last;
    from.head.gcNext = from.headSlot;
    from.head.gcPrev = from.headSlot;
  }

  /** gc_list_size. */
  int size() {
    int n = 0;
    for (Node x = first(); x != head; x = next(x)) {
      n++;
    }
    return n;
  }
}
