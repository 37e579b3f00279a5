package io.refshadow.heap;

import static io.refshadow.Hooks.exit;
import static io.refshadow.Hooks.line;
import static io.refshadow.Hooks.putField;
import static io.refshadow.twin.Py.alloc;
import static io.refshadow.twin.Py.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.refshadow.Hooks;
import io.refshadow.twin.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hook that fails inside refshadow switches off the class of the frame it failed for, and only
 * that class: the frame and every later activation of the class pin what they store (nothing they
 * may hold is ever freed early), while other classes' frames go on mirroring exactly.
 */
class ClassSwitchesTest {
  private ShadowHeap heap;
  private final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
  private java.io.PrintStream savedErr;

  @BeforeEach
  void install() {
    heap = new ShadowHeap(Profile.DEFAULT, null);
    ShadowHeap.install(heap);
    savedErr = System.err;
    System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
  }

  @AfterEach
  void uninstall() {
    System.setErr(savedErr);
    ShadowHeap.install(null);
  }

  private String errText() {
    return err.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aFailureInTheMiddleOfAFrameDegradesThatFrameAndItsClassOnly() {
    String faulty = "test.switches.Faulty" + System.nanoTime(); // ids live as long as the JVM
    int faultyId = Hooks.classId(faulty);
    int healthyId = Hooks.classId("test.switches.Healthy" + System.nanoTime());
    long failuresBefore = Failures.total();

    Frame f = Hooks.enter(faultyId, 3);
    Node holder = local(alloc(new Node(), f, 0), f, 0);
    line(f);
    Node kept = local(alloc(new Node(), f, 0), f, 1);
    line(f);
    heap.injectFaultInto(faulty); // from now on, this class's hooks fail inside refshadow

    holder.ref = kept;
    putField(holder, kept, Node.REF, f); // fails: reported, the frame degrades
    assertThat(Failures.total() - failuresBefore).isEqualTo(1);
    assertThat(ClassSwitches.isOff(faultyId)).isTrue();
    assertThat(ClassSwitches.isOff(healthyId)).isFalse();
    assertThat(errText()).contains("instrumentation of class " + faulty + " is switched off");

    holder.ref2 = kept;
    putField(holder, kept, Node.REF2, f); // degraded: pinned, not mirrored, no new failure
    assertThat(Failures.total() - failuresBefore).isEqualTo(1);
    assertThat(heap.edgesOf(holder)).containsOnlyNulls();
    assertThat(heap.nodeOf(kept).refcount()).as("its local and the pin").isEqualTo(2);

    // a later activation of the class is degraded from its entry: what it stores is pinned
    Frame again = Hooks.enter(faultyId, 2);
    Node other = new Node();
    holder.ref = other;
    putField(holder, other, Node.REF, again);
    assertThat(heap.nodeOf(other).refcount()).as("pinned").isEqualTo(1);
    exit(again);
    assertThat(Failures.total() - failuresBefore).isEqualTo(1);
    exit(f);
    assertThat(heap.nodeOf(kept)).as("pinned: not freed while the program holds it").isNotNull();

    // another class is still mirrored exactly
    Frame g = Hooks.enter(healthyId, 3);
    Node box = local(alloc(new Node(), g, 0), g, 0);
    line(g);
    Node item = local(alloc(new Node(), g, 0), g, 1);
    line(g);
    box.ref = item;
    putField(box, item, Node.REF, g);
    assertThat(heap.edgesOf(box)).containsExactly(null, item, null);
    assertThat(heap.nodeOf(item).refcount()).isEqualTo(2);
    exit(g);
    assertThat(heap.nodeOf(item)).as("freed with its box and its local").isNull();
    assertThat(Failures.total() - failuresBefore).isEqualTo(1);
    assertThat(errText().lines().filter(l -> l.contains("is switched off"))).hasSize(1);
  }
}
