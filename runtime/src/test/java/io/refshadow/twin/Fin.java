package io.refshadow.twin;

import static io.refshadow.Hooks.arg;
import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.twin.Py.print;

import io.refshadow.Del;
import io.refshadow.heap.Frame;

/**
 * {@code class Fin} with slots {@code ('name', 'ref', 'ref2', '__weakref__')} and {@code def
 * __del__(self): print("del", self.name)}.
 */
public class Fin {
  public static final int NAME = Py.fieldId(Fin.class, "name");
  public static final int REF = Py.fieldId(Fin.class, "ref");
  public static final int REF2 = Py.fieldId(Fin.class, "ref2");

  public String name;
  public Object ref;
  public Object ref2;

  @Del
  void del() {
    Frame f = enter(1);
    arg(this, f, 0);
    print(f, "del " + name);
    exit(f);
  }
}
