package io.refshadow.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The generation lists, linked through slot numbers, keep exactly the nodes put in them, in the
 * order gcmodule.c's list operations give, whatever the appends, removals, moves and merges, and
 * however often the slots are renumbered (when the array fills up, and after a mass free).
 */
class GcSlotsTest {
  private static final ClassInfo TYPE = ClassInfo.of(Object.class);

  private static Node node() {
    return new Node(new Object(), TYPE, 16, null);
  }

  /** Appends {@code count} new nodes to {@code list} and returns them, in order. */
  private static List<Node> appendNew(GcList list, int count) {
    List<Node> added = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Node n = node();
      list.append(n);
      added.add(n);
    }
    return added;
  }

  /** Removes every node of {@code nodes} whose index {@code keep} rejects; returns the rest. */
  private static List<Node> freeAllBut(
      List<Node> nodes, java.util.function.IntPredicate keep, GcSlots slots) {
    List<Node> kept = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (keep.test(i)) {
        kept.add(nodes.get(i));
      } else {
        GcList.remove(nodes.get(i), slots);
      }
    }
    return kept;
  }

  /** The nodes of {@code list}, first to last, checking each link on the way. */
  private static List<Node> contents(GcList list) {
    List<Node> out = new ArrayList<>();
    GcSlots slots = list.slots;
    for (Node n = list.first(); n != list.head; n = list.next(n)) {
      int self = n.gcSlot;
      assertThat(slots.nodes[self]).as("the slot of " + n).isSameAs(n);
      assertThat(slots.prev[slots.next[self]]).as("the back link to " + n).isEqualTo(self);
      assertThat(slots.next[slots.prev[self]]).as("the link to " + n).isEqualTo(self);
      out.add(n);
      assertThat(out.size()).as("a list that ends").isLessThan(1_000_000);
    }
    return out;
  }

  /**
   * Random operations on three lists, checked against plain Java lists: thousands of appends make
   * the array fill up and be renumbered many times, with moves and removals in between.
   */
  @Property(tries = 100)
  void listsKeepTheirNodesInOrderThroughRenumbering(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 6000) int operations) {
    Random random = new Random(seed);
    GcSlots slots = new GcSlots();
    GcList[] lists = {new GcList(slots), new GcList(slots), new GcList(slots)};
    List<List<Node>> model = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int op = 0; op < operations; op++) {
      int a = random.nextInt(3);
      int b = random.nextInt(3);
      int kind = random.nextInt(10);
      if (kind < 5 || model.get(a).isEmpty()) {
        Node n = node(); // gc_list_append
        lists[a].append(n);
        model.get(a).add(n);
      } else if (kind < 7) {
        Node n = model.get(a).remove(random.nextInt(model.get(a).size())); // gc_list_remove
        GcList.remove(n, slots);
        assertThat(n.gcSlot).isZero();
      } else if (kind < 9) {
        Node n = model.get(a).remove(random.nextInt(model.get(a).size())); // gc_list_move
        lists[b].move(n);
        model.get(b).add(n);
      } else {
        lists[b].mergeFrom(lists[a]); // gc_list_merge
        if (a != b) {
          model.get(b).addAll(model.get(a));
          model.get(a).clear();
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      assertThat(contents(lists[i])).as("list " + i).containsExactlyElementsOf(model.get(i));
      assertThat(lists[i].isEmpty()).isEqualTo(model.get(i).isEmpty());
    }
    int inLists = model.stream().mapToInt(List::size).sum();
    assertThat(slots.used()).as("one slot per node, and the sentinels'").isEqualTo(inLists + 3);
  }

  /**
   * After a mass free the array is given back: renumbered into one sized for what is left, the
   * survivors in their order.
   */
  @Test
  void aMassFreeGivesTheArrayBackAndKeepsTheSurvivorsInOrder() {
    GcSlots slots = new GcSlots();
    GcList list = new GcList(slots);
    List<Node> all = appendNew(list, 100_000);
    long peak = slots.footprint();
    assertThat(peak).isGreaterThan(100_000L * 4);
    List<Node> survivors = freeAllBut(all, i -> i % 1000 == 7, slots);
    assertThat(slots.footprint()).as("nothing given back before asked").isEqualTo(peak);
    assertThat(slots.compactIfSparse()).isTrue();
    assertThat(slots.footprint()).as("sized for 100 survivors").isLessThan(4096);
    assertThat(contents(list)).containsExactlyElementsOf(survivors);
    assertThat(slots.compactIfSparse()).as("nothing more to give back").isFalse();
    Node late = node();
    list.append(late);
    survivors.add(late);
    assertThat(contents(list)).containsExactlyElementsOf(survivors);
  }

  /**
   * A list registered after nodes were freed has its sentinel above their slots; renumbering moves
   * the sentinel down, and the list must follow it.
   */
  @Test
  void aListRegisteredLateFollowsItsSentinelThroughRenumbering() {
    GcSlots slots = new GcSlots();
    GcList early = new GcList(slots);
    List<Node> kept = freeAllBut(appendNew(early, 40), i -> i % 2 == 0, slots);
    GcList late = new GcList(slots);
    int sentinelBefore = late.headSlot();
    List<Node> lateNodes = appendNew(late, 5000);
    assertThat(late.headSlot()).as("renumbered below the freed slots").isLessThan(sentinelBefore);
    assertThat(contents(late)).containsExactlyElementsOf(lateNodes);
    assertThat(contents(early)).containsExactlyElementsOf(kept);
  }

  /**
   * Young nodes that come and go make the array fill up again and again; the renumbering that makes
   * room leaves the long-lived nodes' slots alone, though a tenth of them have died (touching each
   * of their nodes every time was most of the cost on H2), keeps every list in order, and does not
   * grow the array.
   */
  @Test
  void churnLeavesTheSettledSlotsInPlace() {
    GcSlots slots = new GcSlots();
    GcList old = new GcList(slots);
    GcList young = new GcList(slots);
    List<Node> longLived = appendNew(old, 10_000);
    List<Node> survivors = new ArrayList<>();
    Random random = new Random(42);
    churn(slots, old, young, survivors, random, 20_000); // fills the array: the old nodes settle
    longLived = freeAllBut(longLived, i -> i % 10 != 0, slots);
    int[] settledSlots = longLived.stream().mapToInt(n -> n.gcSlot).toArray();
    long footprint = slots.footprint();
    churn(slots, old, young, survivors, random, 200_000);
    assertThat(longLived.stream().mapToInt(n -> n.gcSlot).toArray())
        .as("the long-lived nodes' slots")
        .isEqualTo(settledSlots);
    List<Node> expected = new ArrayList<>(longLived);
    expected.addAll(survivors);
    assertThat(contents(old)).containsExactlyElementsOf(expected);
    assertThat(contents(young)).isEmpty();
    assertThat(slots.footprint())
        .as("room made by renumbering, not growth")
        .isLessThan(2 * footprint);
  }

  /** Appends {@code count} young nodes; one in a hundred lives on, moved to {@code old}. */
  private static void churn(
      GcSlots slots, GcList old, GcList young, List<Node> survivors, Random random, int count) {
    for (int i = 0; i < count; i++) {
      Node n = node();
      young.append(n);
      if (random.nextInt(100) == 0) {
        survivors.add(n);
        old.move(n);
      } else {
        GcList.remove(n, slots);
      }
    }
  }

  /**
   * Nine in ten nodes freed is not sparse enough for {@link GcSlots#compactIfSparse}, but the next
   * time the array fills up, its renumbering gives the memory back.
   */
  @Test
  void anArrayMostlyFreedShrinksWhenItFillsAgain() {
    GcSlots slots = new GcSlots();
    GcList list = new GcList(slots);
    List<Node> survivors = freeAllBut(appendNew(list, 100_000), i -> i % 10 == 0, slots);
    assertThat(slots.compactIfSparse()).isFalse();
    long peak = slots.footprint();
    for (int i = 0; slots.footprint() == peak; i++) {
      Node n = node();
      list.append(n);
      survivors.add(n);
      assertThat(i).as("appends until the array is renumbered").isLessThan(100_000);
    }
    assertThat(slots.footprint()).as("sized for what is in use").isLessThan(peak * 3 / 5);
    assertThat(contents(list)).containsExactlyElementsOf(survivors);
  }

  /** A reset forgets every node; the lists are empty and usable. */
  @Test
  void aResetEmptiesEveryList() {
    GcSlots slots = new GcSlots();
    GcList a = new GcList(slots);
    GcList b = new GcList(slots);
    for (int i = 0; i < 5000; i++) {
      (i % 2 == 0 ? a : b).append(node());
    }
    slots.reset();
    assertThat(a.isEmpty()).isTrue();
    assertThat(b.isEmpty()).isTrue();
    assertThat(slots.used()).isEqualTo(2);
    assertThat(slots.footprint()).isLessThan(1024);
    Node n = node();
    b.append(n);
    assertThat(contents(b)).containsExactly(n);
    assertThat(contents(a)).isEmpty();
  }
}
