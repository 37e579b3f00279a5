package twins;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;

/** Twin of s60_auto_collect_garbage.py: automatic collections free each round's garbage. */
public class S60AutoCollectGarbage {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static int r = -1;
  static int k;
  static Node[] keep = new Node[50];
  static int[] c;

  static void cb(String phase, GcInfo info) {
    System.out.println(
        "cb "
            + phase
            + " gen "
            + info.generation()
            + " collected "
            + info.collected()
            + " round "
            + r);
  }

  static final GcCallback cb = S60AutoCollectGarbage::cb;

  static void garbage() {
    Node x = new Node();
    x.ref = x;
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.setThreshold(10, 3, 1000);
    Gc.collect();
    Gc.callbacks().add(cb);
    r = -1;
    k = 0;
    Gc.enable();
    for (r = 0; r < 8; r++) {
      for (int j = 0; j < 6; j++) {
        garbage();
      }
      for (int j = 0; j < 5; j++) {
        keep[k] = new Node();
        k += 1;
      }
    }
    Gc.disable();
    Gc.callbacks().remove(cb);
    c = Gc.getCount();
    System.out.println("count " + c[0] + " " + c[1] + " " + c[2]);
    System.out.println("collect " + Gc.collect());
  }
}
