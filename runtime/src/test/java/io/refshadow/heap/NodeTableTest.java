package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The identity table finds exactly the nodes added and not removed, whatever the order of adds and
 * removals (tombstones, rebuilds and wrapping probes included).
 */
class NodeTableTest {
  private static final ClassInfo TYPE = ClassInfo.of(Object.class);

  /** An entry of the test: the object (kept strongly, as the program would), its node and hash. */
  private record Entry(Object obj, Node node, int hash) {}

  private static Entry entry(int hash) {
    Object obj = new Object();
    return new Entry(obj, new Node(obj, TYPE, 16, null), hash);
  }

  /**
   * Random adds and removals whose hashes fall on a few slots, so that probes collide, wrap past
   * the table's end and cross removed slots: every entry still in the table is found, every removed
   * one is not.
   */
  @Property(tries = 200)
  void findsWhatIsInTheTableAndNothingElse(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 4000) int operations) {
    Random random = new Random(seed);
    NodeTable table = new NodeTable();
    List<Entry> in = new ArrayList<>();
    List<Entry> out = new ArrayList<>();
    for (int op = 0; op < operations; op++) {
      if (in.isEmpty() || random.nextInt(3) > 0) {
        // hashes near the top of the first table's 4,096 slots: the probes wrap around
        Entry e = entry(4096 - 8 + random.nextInt(24));
        table.add(e.node, e.hash);
        in.add(e);
      } else {
        Entry e = in.remove(random.nextInt(in.size()));
        table.remove(e.node);
        out.add(e);
      }
    }
    assertThat(table.size()).isEqualTo(in.size());
    for (Entry e : in) {
      assertThat(table.find(e.obj, e.hash)).isSameAs(e.node);
    }
    for (Entry e : out) {
      assertThat(table.find(e.obj, e.hash)).isNull();
    }
  }
}
