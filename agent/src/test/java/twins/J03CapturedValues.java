package twins;

import io.refshadow.Del;
import io.refshadow.Gc;
import io.refshadow.Weakref;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Twin of j03_captured_values.py: a lambda keeps what it captured alive. */
public class J03CapturedValues {
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

  static Supplier<String> capture(Fin x) {
    return () -> x.name;
  }

  static Supplier<String> f;

  static void main2() {
    List<String> events = new ArrayList<>();
    Fin a = make("watched");
    Weakref<Fin> w = Weakref.ref(a, r -> events.add("callback"));
    a = null;
    System.out.println("events " + Py.repr(events));
  }

  public static void main(String[] args) {
    main2();
    Gc.disable();
    Gc.collect();
    f = capture(make("captured"));
    System.out.println("call " + f.get());
    System.out.println("still_captured");
    f = null;
    System.out.println("closure_dropped");
    main2();
    System.out.println("collect " + Gc.collect());
  }
}
