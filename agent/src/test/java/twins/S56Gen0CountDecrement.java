package twins;

import io.refshadow.Gc;

/** Twin of s56_gen0_count_decrement.py: gen0 count -1 per tracked deallocation, floored at 0. */
public class S56Gen0CountDecrement {
  static class Node {
    String name;
    Node ref;
    Node ref2;
  }

  static void show(String label) {
    int[] c = Gc.getCount();
    System.out.println(label + " " + c[0] + " " + c[1] + " " + c[2]);
  }

  static Node[] old = new Node[6];
  static Node spare, n1, n2, n3, n4, n5, n6, n7;

  public static void main(String[] args) {
    for (int i = 0; i < 6; i++) {
      old[i] = new Node();
    }
    spare = new Node();
    Gc.disable();
    Gc.collect();
    Gc.getCount();
    spare = null;
    show("start");
    n1 = new Node();
    n2 = new Node();
    n3 = new Node();
    show("three_new");
    old[0] = null;
    show("freed_one_gen2_object");
    old[1] = null;
    old[2] = null;
    old[3] = null;
    show("freed_three_more_floor_at_0");
    n4 = new Node();
    show("one_new");
    old[4] = null;
    n1 = null;
    show("freed_gen2_and_young");
    n5 = new Node();
    n6 = new Node();
    show("two_new");
    Gc.collect(0);
    show("after_collect0");
    n2 = null;
    show("freed_gen1_object");
    n7 = new Node();
    n3 = null;
    show("new_then_freed_gen1");
  }
}
