package io.refshadow.heap;

import static io.refshadow.Hooks.enter;
import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.fieldId;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A class with many reference fields finds each field's edge slot through a hash table instead of a
 * scan ({@code ClassInfo.slotOf}): every store must land in its own field's slot, inherited fields
 * named through the subclass too.
 */
class WideClassFieldsTest extends InstalledHeap {
  static class Wide {
    Object f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18;
  }

  static class WiderStill extends Wide {
    Object g0, g1, g2;
  }

  @Test
  void eachStoreLandsInItsOwnFieldsSlot() throws Exception {
    Frame f = enter(3);
    WiderStill w = local(alloc(new WiderStill(), f, 0), f, 0);
    line(f);
    String[] names = new String[22];
    for (int i = 0; i < 19; i++) {
      names[i] = "f" + i;
    }
    for (int i = 0; i < 3; i++) {
      names[19 + i] = "g" + i;
    }
    Object[] values = new Object[names.length];
    // in a scrambled order; f-fields named once by their declaring class, once through the
    // subclass (as javac compiles sub.inheritedField)
    for (int k = 0; k < names.length; k++) {
      int i = (k * 7) % names.length;
      Object v = local(alloc(new Object(), f, 0), f, 1);
      line(f);
      String name = names[i];
      Class<?> declaring = name.startsWith("f") ? Wide.class : WiderStill.class;
      java.lang.reflect.Field field = declaring.getDeclaredField(name);
      field.set(w, v);
      String owner = (k % 2 == 0 ? declaring : WiderStill.class).getName();
      putField(w, v, fieldId(owner, name), f);
      values[i] = v;
    }
    Object[] edges = heap.edgesOf(w);
    // slots: the class's own fields first (g0..g2), then the superclass's (f0..f18)
    for (int i = 0; i < names.length; i++) {
      int slot = i < 19 ? 3 + i : i - 19;
      assertThat(edges[slot]).as("field %s", names[i]).isSameAs(values[i]);
    }
    exit(f);
  }
}
