package junitexamples;

import io.refshadow.Weakref;
import io.refshadow.junit.NoReferenceCycles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run by {@code io.refshadow.junit.RefshadowExtensionIT} through EngineTestKit, not by the build
 * directly: a parent that lists its children and children that point back at their parent.
 */
public class CycleExamples {
  static final class Parent {
    final List<Object> children = new ArrayList<>();
  }

  static final class Child {
    Parent parent;
  }

  /** The fix: the back-pointer is weak, as Python code would use weakref.ref. */
  static final class WeakChild {
    Weakref<Parent> parent;
  }

  @Test
  @NoReferenceCycles
  void childPointsBackAtItsParent() {
    Parent parent = new Parent(); // site: cycle
    Child child = new Child();
    child.parent = parent;
    parent.children.add(child);
  }

  @Test
  @NoReferenceCycles
  void childPointsBackWeakly() {
    Parent parent = new Parent();
    WeakChild child = new WeakChild();
    child.parent = Weakref.ref(parent);
    parent.children.add(child);
  }

  @Test
  @NoReferenceCycles
  void manyFamilies() {
    for (int i = 0; i < 3; i++) {
      Parent parent = new Parent(); // site: families
      Child child = new Child();
      child.parent = parent;
      parent.children.add(child);
    }
  }

  /**
   * 300 families are 900 tracked allocations: more than threshold 0 (700), so an automatic
   * collection finds the dropped ones while the test runs; the last family is still held by the
   * loop's locals then, and is found by the collection at the end.
   */
  @Test
  @NoReferenceCycles
  void cyclesFoundDuringTheTest() {
    for (int i = 0; i < 300; i++) {
      Parent parent = new Parent(); // site: during
      Child child = new Child();
      child.parent = parent;
      parent.children.add(child);
    }
  }

  /** An object that refers to itself is the smallest cycle. */
  static final class Node {
    Node next;
  }

  @Test
  @NoReferenceCycles
  void selfReference() {
    Node n = new Node(); // site: self
    n.next = n;
  }

  /** Arrays as lists: the edge from an array names no field. */
  static final class Folder {
    Object[] entries = new Object[1];
  }

  static final class Entry {
    Folder folder;
  }

  @Test
  @NoReferenceCycles
  void arrayInTheCycle() {
    Folder folder = new Folder(); // site: array
    Entry entry = new Entry();
    entry.folder = folder;
    folder.entries[0] = entry;
  }
}
