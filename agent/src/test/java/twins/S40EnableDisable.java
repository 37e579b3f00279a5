package twins;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;

/** Twin of s40_enable_disable.py: no automatic collection while disabled or threshold0 == 0. */
public class S40EnableDisable {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static String step = "";
  static final GcCallback cb = S40EnableDisable::cb;
  static Node[] a = new Node[40];

  static void cb(String phase, GcInfo info) {
    System.out.println("cb " + phase + " " + info.generation() + " during " + step);
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.setThreshold(5);
    Gc.collect();
    System.out.println("enabled " + Py.b(Gc.isEnabled()));
    Gc.callbacks().add(cb);
    step = "disabled_allocations";
    for (int i = 0; i < 20; i++) {
      a[i] = new Node();
    }
    step = "enable";
    Gc.enable();
    step = "first_allocation_after_enable";
    a[20] = new Node();
    step = "after";
    System.out.println("enabled " + Py.b(Gc.isEnabled()));
    Gc.disable();
    System.out.println("enabled " + Py.b(Gc.isEnabled()));
    step = "manual_collect_while_disabled";
    System.out.println("collect " + Gc.collect(0));
    Gc.callbacks().remove(cb);
    Gc.setThreshold(0);
    Gc.collect();
    Gc.callbacks().add(cb);
    Gc.enable();
    step = "threshold0_zero";
    for (int i = 21; i < 40; i++) {
      a[i] = new Node();
    }
    step = "end";
    System.out.println("enabled " + Py.b(Gc.isEnabled()) + " threshold0 " + Gc.getThreshold()[0]);
    Gc.disable();
    Gc.callbacks().remove(cb);
  }
}
