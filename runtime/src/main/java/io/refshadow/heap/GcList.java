package io.refshadow.heap;

/**
 * Operations on CPython's {@code PyGC_Head} lists: circular, doubly linked through {@link
 * Node#gcPrev}/{@link Node#gcNext}, with a sentinel head. Names follow {@code gc_list_*} in
 * gcmodule.c.
 */
final class GcList {
  final Node head = new Node();

  boolean isEmpty() {
    return head.gcNext == head;
  }

  Node first() {
    return head.gcNext;
  }

  /** gc_list_append: puts {@code n} (not in any list) at the end. */
  void append(Node n) {
    Node last = head.gcPrev;
    n.gcPrev = last;
    n.gcNext = head;
    last.gcNext = n;
    head.gcPrev = n;
  }

  /** gc_list_remove. */
  static void remove(Node n) {
    n.gcPrev.gcNext = n.gcNext;
    n.gcNext.gcPrev = n.gcPrev;
    n.gcPrev = null;
    n.gcNext = null;
  }

  /** gc_list_move: unlinks {@code n} from its list and appends it here. */
  void move(Node n) {
    n.gcPrev.gcNext = n.gcNext;
    n.gcNext.gcPrev = n.gcPrev;
    append(n);
  }

  /** gc_list_merge: appends all of {@code from} here, leaving {@code from} empty. */
  void mergeFrom(GcList from) {
    if (from == this || from.isEmpty()) {
      return;
    }
    Node tail = head.gcPrev;
    Node first = from.head.gcNext;
    Node last = from.head.gcPrev;
    tail.gcNext = first;
    first.gcPrev = tail;
    last.gcNext = head;
    head.gcPrev = last;
    from.head.gcNext = from.head;
    from.head.gcPrev = from.head;
  }

  /** Unlinks every node at once (the list forgets them; their links are left as they are). */
  void clear() {
    head.gcNext = head;
    head.gcPrev = head;
  }

  /** gc_list_size. */
  int size() {
    int n = 0;
    for (Node x = head.gcNext; x != head; x = x.gcNext) {
      n++;
    }
    return n;
  }
}
