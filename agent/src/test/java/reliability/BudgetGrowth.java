package reliability;

import io.refshadow.Del;
import java.util.ArrayList;
import java.util.List;

/**
 * A program whose shadow heap outgrows {@code maxShadowMemory=1m} (ReliabilityIT): it holds 20,000
 * objects (sampling starts at 80% of the budget), then makes and drops 2,000 objects that print
 * when freed (the sampled ones must be freed exactly where they are dropped, as CPython frees
 * {@code it = Item(i); it = None}), then holds 100,000 more (mirroring stops at the budget), then
 * drops one more. The program's own lines do not depend on the agent.
 */
public class BudgetGrowth {
  static class Holder {
    Object next;
  }

  /** Prints when the shadow heap frees it. */
  static class Item {
    final int id;

    Item(int id) {
      this.id = id;
    }

    @Del
    void del() {
      System.out.println("  freed " + id);
    }
  }

  public static void main(String[] args) {
    List<Holder> keep = new ArrayList<>();
    Holder last = null;
    for (int i = 0; i < 20_000; i++) {
      Holder h = new Holder();
      h.next = last;
      keep.add(h);
      last = h;
    }
    System.out.println("held " + keep.size());
    for (int i = 0; i < 2_000; i++) {
      Item it = new Item(i);
      it = null;
      System.out.println("dropped " + i);
    }
    int more = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    for (int i = 0; i < more; i++) {
      keep.add(new Holder());
    }
    System.out.println("held " + keep.size());
    Item after = new Item(-1);
    after = null;
    System.out.println("dropped -1"); // after the budget stopped mirroring, when there is one
  }
}
