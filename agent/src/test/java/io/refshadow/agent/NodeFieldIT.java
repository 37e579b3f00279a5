package io.refshadow.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node field the agent injects into application classes (option {@code nodeField}, default on):
 * which classes get it and with which modifiers, that the shadow keeps each instance's node there
 * (a copy made by {@code clone()} gets its own, not the original's), that lifetimes stay those of
 * the CPython twin {@code nodefield/node_fields.py} with the field and without it, and that a
 * serializable class keeps its default serialVersionUID.
 */
class NodeFieldIT {
  private static final String MAIN = "nodefield.NodeFields";

  private static HostJvm.Result underAgent(String name, String options) throws Exception {
    HostJvm.Result r =
        HostJvm.run(name, List.of(HostJvm.agent(options), "-cp", HostJvm.agentClassPath(), MAIN));
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stderr())
        .as(r.describe())
        .contains("failed: 0 classes, 0 methods")
        .containsPattern("internal failures\\s+0\\b");
    return r;
  }

  private static List<String> shadowLines(HostJvm.Result r, String prefix) {
    return r.stderr().lines().filter(l -> l.startsWith("shadow: " + prefix)).toList();
  }

  private static List<String> cpython() throws Exception {
    try (var in = NodeFieldIT.class.getResourceAsStream("/nodefield/node_fields.out")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void applicationClassesCarryTheirNodeInAPrivateTransientSyntheticField() throws Exception {
    HostJvm.Result r = underAgent("node-field", "summary=stderr");
    assertThat(r.stdout()).as("the CPython twin's lifetimes").isEqualTo(cpython());
    assertThat(shadowLines(r, "field "))
        .containsExactly(
            "shadow: field Item private transient synthetic in Item",
            // a subclass of a class that has one gets none of its own
            "shadow: field Special private transient synthetic in Item",
            "shadow: field Point none",
            "shadow: field Color none",
            "shadow: field Shape none");
    assertThat(r.stderr())
        .contains(
            "shadow: a holds a io.refshadow.heap.Node",
            "shadow: copy has its own node true",
            "shadow: a still holds its node true",
            "shadow: subclass instance holds a io.refshadow.heap.Node");
  }

  @Test
  void withoutTheFieldClassesAreUnchangedAndLifetimesTheSame() throws Exception {
    HostJvm.Result r = underAgent("no-node-field", "summary=stderr,nodeField=false");
    assertThat(r.stdout()).as("the CPython twin's lifetimes").isEqualTo(cpython());
    assertThat(shadowLines(r, "field ")).allMatch(l -> l.endsWith(" none")).hasSize(5);
    assertThat(r.stderr()).contains("shadow: a holds nothing");
  }

  @Test
  void theFieldLeavesTheDefaultSerialVersionUidAsItWas() throws Exception {
    HostJvm.Result plain =
        HostJvm.run(
            "node-field-plain", List.of("-cp", HostJvm.plainClassPath(), MAIN, "classes-only"));
    assertThat(plain.exit()).as(plain.describe()).isZero();
    HostJvm.Result watched = underAgent("node-field-suid", "summary=stderr");
    assertThat(shadowLines(plain, "suid ")).hasSize(1);
    assertThat(shadowLines(watched, "suid ")).isEqualTo(shadowLines(plain, "suid "));
    assertThat(shadowLines(plain, "field ")).allMatch(l -> l.endsWith(" none"));
  }

  /**
   * When the shadow is released (after an out-of-memory error inside a hook), the objects the
   * program still holds let go of their nodes, so that the JVM reclaims them: before, they kept
   * their nodes, and through the nodes' edges much of the shadow, alive.
   */
  @Test
  void releasingTheShadowCutsTheNodesFromTheObjectsTheProgramStillHolds() throws Exception {
    HostJvm.Result r =
        HostJvm.run(
            "node-field-release",
            List.of(
                HostJvm.agent("summary=stderr"), "-cp", HostJvm.agentClassPath(), MAIN, "release"));
    assertThat(r.exit()).as(r.describe()).isZero();
    assertThat(r.stderr())
        .as(r.describe())
        .contains(
            "shadow: before the release, items holding a node 200",
            "shadow: released true",
            "shadow: after the release, items holding a node 0",
            "shadow: former nodes the JVM could not reclaim 0");
  }

  @Test
  void theProgramsReflectionListsTheFieldsItDeclaredAndNotTheInjectedOne() throws Exception {
    HostJvm.Result plain =
        HostJvm.run(
            "node-field-plain-reflect",
            List.of("-cp", HostJvm.plainClassPath(), MAIN, "classes-only"));
    assertThat(plain.exit()).as(plain.describe()).isZero();
    HostJvm.Result watched = underAgent("node-field-reflect", "summary=stderr");
    // the field is there (found by name), yet getDeclaredFields(), called directly or through a
    // method reference, lists exactly what it lists without the agent
    assertThat(shadowLines(watched, "field Item "))
        .containsExactly("shadow: field Item private transient synthetic in Item");
    assertThat(shadowLines(plain, "declared "))
        .contains("shadow: declared Item name ref | name ref")
        .hasSize(5);
    assertThat(shadowLines(watched, "declared ")).isEqualTo(shadowLines(plain, "declared "));
  }
}
