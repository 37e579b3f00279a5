package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/** Twin of s06_del_cycle.py: a 2-cycle with finalizers is collected, both finalizers run. */
public class S06DelCycle {
  static final List<String> order = new ArrayList<>();

  static class Fin {
    Fin ref;
    String name;

    @Del
    void del() {
      order.add(name);
    }
  }

  static Fin a;
  static Fin b;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Fin();
    a.name = "a";
    b = new Fin();
    b.name = "b";
    a.ref = b;
    b.ref = a;
    a = null;
    b = null;
    System.out.println("collect " + Gc.collect());
    List<String> sorted = new ArrayList<>(order);
    sorted.sort(null);
    System.out.println("finalized " + Py.repr(sorted));
    System.out.println("garbage " + Gc.garbage().size());
  }
}
