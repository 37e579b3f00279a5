package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of s43_rebinding.py: rebinding frees the old object at the store. */
public class S43Rebinding {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin make(String name) {
    Fin n = new Fin();
    n.name = name;
    System.out.println("made " + name);
    return n;
  }

  static Fin x, holder;
  static Object[] lst;

  static void localRebind() {
    Fin y = make("local1");
    y = make("local2");
    System.out.println("rebound_local");
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    x = make("first");
    x = make("second");
    System.out.println("rebound_global");
    holder = make("holder");
    holder.ref = make("slot1");
    holder.ref = make("slot2");
    System.out.println("rebound_slot");
    lst = new Object[1];
    lst[0] = make("elem1");
    lst[0] = make("elem2");
    System.out.println("rebound_element");
    localRebind();
    System.out.println("after_local_rebind");
    x = x;
    System.out.println("self_assign_keeps " + x.name);
    x = null;
    holder = null;
    lst = null;
    System.out.println("collect " + Gc.collect());
  }
}
