package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/** Twin of j04_list_of_objects.py: an ArrayList as a Python list. */
public class J04ListOfObjects {
  static class Fin {
    String name;
    Object ref;
    Object ref2;

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin make(String name) {
    Fin n = new Fin();
    n.name = name;
    return n;
  }

  static List<Object> lst;
  static Fin n;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    lst = new ArrayList<>();
    lst.add(make("a"));
    lst.add(make("b"));
    System.out.println("len " + lst.size());
    lst.remove(0);
    System.out.println("popped");
    lst.set(0, make("c"));
    System.out.println("replaced");
    lst.clear();
    System.out.println("cleared");
    lst.add(make("d"));
    lst = null;
    System.out.println("list_dropped");
    lst = new ArrayList<>();
    n = make("n");
    n.ref = lst;
    lst.add(n);
    n = null;
    lst = null;
    System.out.println("cycle_dropped");
    System.out.println("collected " + Gc.collect());
    System.out.println("collect_again " + Gc.collect());
  }
}
