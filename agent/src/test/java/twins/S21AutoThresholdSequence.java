package twins;

import io.refshadow.Gc;
import io.refshadow.GcCallback;
import io.refshadow.GcInfo;

/** Twin of s21_auto_threshold_sequence.py: automatic collections with thresholds (10, 2, 2). */
public class S21AutoThresholdSequence {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static int i = -1;
  static final GcCallback cb = S21AutoThresholdSequence::cb;
  static Node[] a = new Node[60];
  static int[] c;
  static int n;

  static void cb(String phase, GcInfo info) {
    System.out.println("cb " + phase + " gen " + info.generation() + " at_node " + i);
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.setThreshold(10, 2, 2);
    Gc.collect();
    Gc.callbacks().add(cb);
    Gc.enable();
    for (i = 0; i < 60; i++) {
      a[i] = new Node();
    }
    Gc.disable();
    c = Gc.getCount();
    System.out.println("count " + c[0] + " " + c[1] + " " + c[2]);
    Gc.callbacks().remove(cb);
    for (int g = 0; g < 3; g++) {
      n = 0;
      for (Object o : Gc.getObjects(g)) {
        if (o instanceof Node) {
          n++;
        }
      }
      System.out.println("gen" + g + "_nodes " + n);
    }
  }
}
