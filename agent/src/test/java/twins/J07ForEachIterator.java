package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/**
 * Twin of j07_for_each_iterator.py. javac compiles for-each to a hidden local that holds the array
 * (or the Iterator, which holds the list); CPython's iterator dies with the loop. The agent
 * releases such hidden locals where they die (MethodInstrumenter#releaseDeadHiddenLocals), so the
 * list and its first item go at {@code lst = null}, as in CPython, while the loop variable keeps
 * the last item until the return.
 */
public class J07ForEachIterator {
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
    return n;
  }

  static void overArray() {
    Fin[] lst = {make("e0"), make("e1")};
    for (Fin n : lst) {
      System.out.println("visit " + n.name);
    }
    lst = null;
    System.out.println("after_drop");
  }

  static void overList() {
    List<Fin> lst = new ArrayList<>();
    lst.add(make("l0"));
    lst.add(make("l1"));
    for (Fin n : lst) {
      System.out.println("visit " + n.name);
    }
    lst = null;
    System.out.println("after_drop_list");
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    overArray();
    System.out.println("returned");
    overList();
    System.out.println("returned_list");
  }
}
