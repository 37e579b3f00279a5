package io.refshadow.heap;

/**
 * Finds the node of a real object by identity, without holding the object strongly: a chained hash
 * table keyed by {@link System#identityHashCode}, whose entries are the nodes themselves (each a
 * weak reference). Guarded by the heap's lock.
 */
final class NodeTable {
  private Node[] buckets = new Node[1 << 12];
  private int size;

  Node find(Object obj, int hash) {
    for (Node n = buckets[hash & (buckets.length - 1)]; n != null; n = n.tableNext) {
      if (n.hash == hash && n.get() == obj) {
        return n;
      }
    }
    return null;
  }

  void add(Node node) {
    if (size >= buckets.length - (buckets.length >> 2)) {
      resize();
    }
    int i = node.hash & (buckets.length - 1);
    node.tableNext = buckets[i];
    buckets[i] = node;
    node.flags |= Node.IN_TABLE;
    size++;
  }

  void remove(Node node) {
    if (!node.has(Node.IN_TABLE)) {
      return;
    }
    int i = node.hash & (buckets.length - 1);
    Node prev = null;
    for (Node n = buckets[i]; n != null; prev = n, n = n.tableNext) {
      if (n == node) {
        if (prev == null) {
          buckets[i] = n.tableNext;
        } else {
          prev.tableNext = n.tableNext;
        }
        node.tableNext = null;
        node.flags &= ~Node.IN_TABLE;
        size--;
        return;
      }
    }
  }

  /** Forgets every node (the shadow heap gives its memory back; see ShadowHeap#releaseAll). */
  void clear() {
    buckets = new Node[1 << 4];
    size = 0;
  }

  int size() {
    return size;
  }

  /** Visits every node in the table (for diagnostics). */
  void forEach(java.util.function.Consumer<Node> visit) {
    for (Node head : buckets) {
      for (Node n = head; n != null; n = n.tableNext) {
        visit.accept(n);
      }
    }
  }

  /**
   * Grows the table, dropping entries whose object the JVM has already reclaimed: nobody can look
   * them up any more, though the node itself lives on in the shadow until it is freed there.
   */
  private void resize() {
    Node[] old = buckets;
    int live = 0;
    for (Node head : old) {
      for (Node n = head; n != null; n = n.tableNext) {
        if (n.get() != null) {
          live++;
        }
      }
    }
    int capacity = old.length;
    while (live * 2 >= capacity) {
      capacity <<= 1; // leave the table at most half full, so resizes stay rare
    }
    Node[] fresh = new Node[capacity];
    size = 0;
    for (Node head : old) {
      Node n = head;
      while (n != null) {
        Node next = n.tableNext;
        if (n.get() != null) {
          int i = n.hash & (capacity - 1);
          n.tableNext = fresh[i];
          fresh[i] = n;
          size++;
        } else {
          n.tableNext = null;
          n.flags &= ~Node.IN_TABLE;
        }
        n = next;
      }
    }
    buckets = fresh;
  }
}
