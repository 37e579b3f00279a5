package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.Weakref;

/** Twin of s50_resurrect_weakref_cleared.py: gc clears weakrefs before finalizers resurrect. */
public class S50ResurrectWeakrefCleared {
  static Fin saved;

  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    @Del
    void del() {
      System.out.println("del " + name);
      saved = this;
    }
  }

  static void cb(Weakref<Fin> r) {
    System.out.println("weakref_callback");
  }

  static Fin a, x;
  static Weakref<Fin> w, w2;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    a = new Fin();
    a.name = "cyclic";
    a.ref = a;
    w = Weakref.ref(a, S50ResurrectWeakrefCleared::cb);
    a = null;
    System.out.println("collect " + Gc.collect());
    System.out.println("saved " + saved.name + " old_weakref_dead " + Py.b(w.get() == null));
    w2 = Weakref.ref(saved);
    System.out.println("new_weakref_alive " + Py.b(w2.get() == saved));
    saved = null;
    System.out.println("collect_again " + Gc.collect());
    System.out.println("new_weakref_dead " + Py.b(w2.get() == null));
    System.out.println("---");
    x = new Fin();
    x.name = "refcounted";
    w = Weakref.ref(x, S50ResurrectWeakrefCleared::cb);
    x = null;
    System.out.println("saved " + saved.name + " weakref_alive " + Py.b(w.get() == saved));
    saved = null;
    System.out.println("dropped");
    System.out.println("weakref_dead " + Py.b(w.get() == null));
  }
}
