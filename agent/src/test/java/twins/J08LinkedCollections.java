package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twin of j08_linked_collections.py. A {@code TreeMap}'s entries link to their parent, a {@code
 * LinkedHashMap}'s and a {@code LinkedList}'s to the previous one, and a map keeps the {@code
 * keySet()} or {@code values()} view it returned, which refers back to it: mirrored, each of these
 * made a dropped collection a cycle that kept its items until the cycle detector ran. The agent
 * leaves those stores out of the shadow (Scope#UNCOUNTED_LINKS), so each map frees its item where
 * its last local is set to null, as the dict does in CPython, and a view still keeps its map: also
 * a view the map hands out a second time, after the first use of it was dropped (its first node
 * died with that use; the view met again must hold its map once more).
 */
public class J08LinkedCollections {
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

  static void sortedMap() {
    Map<String, Object> d = new TreeMap<>();
    d.put("a", make("tree"));
    d.put("b", "plain");
    d = null;
    System.out.println("after_drop_tree");
  }

  static void linkedMap() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("a", make("linked"));
    d.put("b", "plain");
    d = null;
    System.out.println("after_drop_linked");
  }

  static void linkedList() {
    LinkedList<Object> lst = new LinkedList<>();
    lst.add(make("node"));
    lst.add("plain");
    lst = null;
    System.out.println("after_drop_list");
  }

  static void hashMapKeys() {
    Map<String, Object> d = new HashMap<>();
    d.put("a", make("hash"));
    d.put("b", "plain");
    for (String k : d.keySet()) {
      System.out.println("key " + k);
    }
    d = null;
    System.out.println("after_drop_hash");
  }

  static void valuesView() {
    Map<String, Object> d = new TreeMap<>();
    d.put("a", make("viewed"));
    d.put("b", "plain");
    Collection<Object> vals = d.values();
    d = null;
    System.out.println("view_holds_map");
    vals = null;
    System.out.println("after_drop_view");
  }

  static void viewAgain(String kind) {
    Map<String, Object> d = kind.equals("keys") ? new HashMap<>() : new TreeMap<>();
    d.put("a", make(kind));
    d.put("b", "plain");
    System.out.println("size " + (kind.equals("keys") ? d.keySet() : d.entrySet()).size());
    Collection<?> view = kind.equals("keys") ? d.keySet() : d.entrySet();
    d = null;
    System.out.println("again_holds_map " + kind);
    view = null;
    System.out.println("after_drop_again " + kind);
  }

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    sortedMap();
    linkedMap();
    linkedList();
    hashMapKeys();
    valuesView();
    viewAgain("keys");
    viewAgain("entries");
    System.out.println("collect " + Gc.collect());
  }
}
