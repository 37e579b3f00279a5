package twins;

import io.refshadow.Del;
import io.refshadow.Gc;

/** Twin of j01_constructor_stores.py: stores made by constructors, including this$0. */
public class J01ConstructorStores {
  static class Fin {
    String name;
    Fin ref;
    Fin ref2;

    Fin(String name, Fin ref) {
      this.name = name;
      this.ref = ref;
    }

    Fin(String name) {
      this(name, null);
    }

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static class SelfRef {
    String name;
    SelfRef me;

    SelfRef(String name) {
      this.name = name;
      this.me = this;
    }

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static class Outer {
    String name;
    Inner child;

    Outer(String name) {
      this.name = name;
    }

    /** A non-static inner class: javac stores the Outer into this$0 before super(). */
    class Inner {
      String name;

      Inner(String name) {
        this.name = name;
      }

      Outer outer() {
        return Outer.this;
      }

      @Del
      void del() {
        System.out.println("del " + name);
      }
    }

    Inner newInner(String name) {
      return new Inner(name);
    }

    @Del
    void del() {
      System.out.println("del " + name);
    }
  }

  static Fin x;
  static SelfRef s;
  static Outer o;
  static Outer.Inner i;

  public static void main(String[] args) {
    Gc.disable();
    Gc.collect();
    x = new Fin("outer", new Fin("inner"));
    System.out.println("built " + x.ref.name);
    x = null;
    System.out.println("dropped");
    s = new SelfRef("selfref");
    s = null;
    System.out.println("collect " + Gc.collect());
    o = new Outer("outer_obj");
    i = o.newInner("inner_obj");
    System.out.println("inner_knows_outer " + Py.b(i.outer() == o));
    i = null;
    System.out.println("inner_dropped_alone");
    o.child = o.newInner("inner_child");
    o = null;
    System.out.println("collect_outer_inner " + Gc.collect());
  }
}
