package twins;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;

/** Twin of s32_callback_info.py: gc.callbacks order, phases and info. */
public class S32CallbackInfo {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static void cb(String phase, GcInfo info) {
    System.out.println(
        "cb "
            + phase
            + " "
            + info.generation()
            + " "
            + info.collected()
            + " "
            + info.uncollectable());
  }

  static void cb2(String phase, GcInfo info) {
    System.out.println("cb2 " + phase + " " + info.generation());
  }

  static final GcCallback cb = S32CallbackInfo::cb;
  static final GcCallback cb2 = S32CallbackInfo::cb2;
  static Node a, b, c, d, e, f;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    Gc.callbacks().add(cb);
    a = new Node();
    b = new Node();
    a.ref = b;
    b.ref = a;
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
    c = new Node();
    c.ref = c;
    c = null;
    System.out.println("collect0 " + Gc.collect(0));
    Gc.callbacks().add(cb2);
    System.out.println("collect1 " + Gc.collect(1));
    Gc.callbacks().remove(cb);
    d = new Node();
    e = new Node();
    f = new Node();
    d.ref = e;
    e.ref = f;
    f.ref = d;
    d = null;
    e = null;
    f = null;
    System.out.println("collect2 " + Gc.collect(2));
    Gc.callbacks().remove(cb2);
    System.out.println("no_callbacks " + Gc.collect());
  }
}
