package twins;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;

/** Twin of s22_auto_gen2_long_lived.py: gen2 automatic collection gated by long_lived_pending. */
public class S22AutoGen2LongLived {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static final GcCallback cb = S22AutoGen2LongLived::cb;
  static Node[] a = new Node[500];
  static Node[] keep = new Node[800];

  static void cb(String phase, GcInfo info) {
    if (phase.equals("stop")) {
      // String.concat, not `+`: the first `+` at a call site links an invokedynamic, and that
      // linking interns method types in a ConcurrentHashMap, whose nodes (instrumented JDK code)
      // would be tracked in the middle of the generation arithmetic this scenario checks
      System.out.println("auto gen ".concat(String.valueOf(info.generation())));
    }
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.setThreshold(10, 2, 2);
    Gc.collect();
    Gc.freeze();
    for (int i = 0; i < 800; i++) {
      keep[i] = new Node();
    }
    Gc.collect();
    Gc.callbacks().add(cb);
    Gc.enable();
    for (int i = 0; i < 500; i++) {
      a[i] = new Node();
    }
    Gc.disable();
    Gc.callbacks().remove(cb);
    Gc.unfreeze();
  }
}
