package twins;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;
import io.refshadow.Weakref;

/** Twin of s58_weakref_callback_frees_weakref.py: a weakref freed by its own callback counts. */
public class S58WeakrefCallbackFreesWeakref {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static Weakref<Node> w;

  static void cbDrop(Weakref<Node> r) {
    System.out.println("callback_drops_weakref");
    w = null;
  }

  static void cbKeep(Weakref<Node> r) {
    System.out.println("callback_keeps_weakref");
  }

  static void info(String phase, GcInfo i) {
    System.out.println("cb " + phase + " " + i.collected());
  }

  static final GcCallback info = S58WeakrefCallbackFreesWeakref::info;
  static Node a, b;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    Gc.callbacks().add(info);
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    w = Weakref.ref(a, S58WeakrefCallbackFreesWeakref::cbDrop);
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    w = Weakref.ref(a, S58WeakrefCallbackFreesWeakref::cbKeep);
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
    Gc.callbacks().remove(info);
  }
}
