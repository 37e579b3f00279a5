package twins;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;

/** Twin of s62_refcount_garbage_no_auto_gc.py: acyclic garbage triggers no collection. */
public class S62RefcountGarbageNoAutoGc {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static int collections;

  static void cb(String phase, GcInfo info) {
    if (phase.equals("stop")) {
      collections += 1;
    }
  }

  static final GcCallback cb = S62RefcountGarbageNoAutoGc::cb;
  static Node n;

  public static void main(String[] args) {
    Gc.disable();
    Gc.setThreshold(10);
    Gc.collect();
    Gc.callbacks().add(cb);
    Gc.enable();
    for (int i = 0; i < 1000; i++) {
      n = new Node();
      n.ref = new Node();
      n.ref.ref = new Node();
    }
    n = null;
    Gc.disable();
    System.out.println("acyclic_loop_collections " + collections);
    Gc.enable();
    for (int i = 0; i < 115; i++) {
      n = new Node();
      n.ref = n;
    }
    n = null;
    Gc.disable();
    System.out.println("cyclic_loop_collections " + collections);
    Gc.callbacks().remove(cb);
    Gc.setThreshold(700, 10, 10);
  }
}
