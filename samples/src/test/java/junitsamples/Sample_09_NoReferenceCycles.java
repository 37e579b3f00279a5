package junitsamples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.refshadow.Weakref;
import io.refshadow.junit.NoReferenceCycles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sample 09: a test that fails when the code it runs creates reference cycles, and the fix, side by
 * side.
 *
 * <p>A tree whose nodes point back at their parent is a web of cycles: parent, its list of
 * children, each child, and the child's {@code parent} field leading back. The JVM's tracing
 * collector does not mind, but in CPython such a tree outlives its last reference: reference
 * counting can never free it, and it waits, memory held, until the cycle detector happens to run
 * (after 700 more allocations, or later for older generations). {@code @NoReferenceCycles} makes
 * that a test failure, and shows the cycle as objgraph would:
 *
 * <pre>
 * TreeNode.children -> ArrayList -> TreeNode.parent -> TreeNode
 * </pre>
 *
 * <p>The fix is Python's own: the back-pointer becomes a weak reference ({@code
 * weakref.ref(parent)}, here {@link Weakref}), so the tree is freed by reference counting the
 * moment the test drops its root. {@link Failing} and {@link Fixed} differ only in that field.
 *
 * <p>Run: {@code mvn -B verify -pl samples -Dit.test=JUnitSampleIT} runs both under the agent and
 * checks that {@code Failing} fails with that message and {@code Fixed} passes. In your own build,
 * annotate your tests the same way and give Surefire the agent (README, "Memory checks in JUnit
 * tests").
 */
public class Sample_09_NoReferenceCycles {
  /** The parent pointer is a strong reference: every node is on a cycle. */
  @NoReferenceCycles
  public static class Failing {
    static final class TreeNode {
      final String name;
      TreeNode parent;
      final List<TreeNode> children = new ArrayList<>();

      TreeNode(String name) {
        this.name = name;
      }

      TreeNode add(String childName) {
        TreeNode child = new TreeNode(childName);
        child.parent = this;
        children.add(child);
        return child;
      }
    }

    @Test
    void buildsATree() {
      TreeNode root = new TreeNode("root"); // site: failing
      TreeNode a = root.add("a");
      root.add("b");
      assertEquals(2, root.children.size());
      assertSame(root, a.parent);
    }
  }

  /** The parent pointer is weak: dropping the root frees the whole tree by refcount. */
  @NoReferenceCycles
  public static class Fixed {
    static final class TreeNode {
      final String name;
      Weakref<TreeNode> parent;
      final List<TreeNode> children = new ArrayList<>();

      TreeNode(String name) {
        this.name = name;
      }

      TreeNode add(String childName) {
        TreeNode child = new TreeNode(childName);
        child.parent = Weakref.ref(this);
        children.add(child);
        return child;
      }

      TreeNode parent() {
        return parent == null ? null : parent.get();
      }
    }

    @Test
    void buildsATree() {
      TreeNode root = new TreeNode("root");
      TreeNode a = root.add("a");
      root.add("b");
      assertEquals(2, root.children.size());
      assertSame(root, a.parent());
    }
  }
}
