package io.refshadow.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How a test's checks are resolved, and how reports name things; no agent needed. */
class SettingsTest {
  @LimitLeaks(
      maxObjects = 3,
      types = {byte[].class, String.class})
  @LimitShadowMemory("1 MB")
  static class Annotated {
    @NoReferenceCycles
    @LimitShadowMemory("2 MB")
    void method() {}

    void plain() {}
  }

  static Function<String, Optional<String>> config(Map<String, String> m) {
    return k -> Optional.ofNullable(m.get(k));
  }

  @Test
  void methodAnnotationsReplaceClassAnnotationsWhichReplaceConfiguration() throws Exception {
    CheckSettings s =
        CheckSettings.resolve(
            config(Map.of(ConfigKeys.LIMIT_SHADOW_MEMORY, "9 MB")),
            Annotated.class,
            Annotated.class.getDeclaredMethod("method"));
    assertThat(s.noReferenceCycles).isTrue();
    assertThat(s.memoryLimit).isEqualTo(2L << 20);
    assertThat(s.maxLeaks).isEqualTo(3);
    assertThat(s.leakTypes).containsExactly("byte[]", "java.lang.String");
    assertThat(s.leakLimitText()).isEqualTo("maxObjects = 3, types = {byte[], String}");

    CheckSettings plain =
        CheckSettings.resolve(
            config(Map.of()), Annotated.class, Annotated.class.getDeclaredMethod("plain"));
    assertThat(plain.noReferenceCycles).isFalse();
    assertThat(plain.memoryLimit).isEqualTo(1L << 20);
  }

  @Test
  void configurationParametersAloneEnableChecks() {
    CheckSettings s =
        CheckSettings.resolve(
            config(
                Map.of(
                    ConfigKeys.NO_REFERENCE_CYCLES, "true",
                    ConfigKeys.LIMIT_LEAKS_MAX_OBJECTS, "0",
                    ConfigKeys.LIMIT_LEAKS_TYPES, "com.example.Entry, byte[]")),
            SettingsTest.class,
            null);
    assertThat(s.any()).isTrue();
    assertThat(s.noReferenceCycles).isTrue();
    assertThat(s.memoryLimit).isEqualTo(-1);
    assertThat(s.leakTypes).containsExactly("com.example.Entry", "byte[]");
    assertThat(CheckSettings.resolve(config(Map.of()), SettingsTest.class, null).any()).isFalse();
  }

  @Test
  void reportsUseShortTypeNames() {
    assertThat(Names.simpleTypeName("junitexamples.CycleExamples$Parent")).isEqualTo("Parent");
    assertThat(Names.simpleTypeName("java.lang.Object[]")).isEqualTo("Object[]");
    assertThat(Names.simpleTypeName("com.example.Foo$1")).isEqualTo("Foo$1");
    assertThat(Names.simpleTypeName("com.example.Foo$$Lambda")).isEqualTo("Foo$$Lambda");
    assertThat(Names.simpleFieldName("junitexamples.LeakExamples.CACHE"))
        .isEqualTo("LeakExamples.CACHE");
  }

  @Test
  void growthIsListedLikeObjgraphShowGrowth() {
    HeapGrowth g =
        HeapGrowth.between(
            Map.of("a.Kept", new long[] {2, 64}, "a.Gone", new long[] {4, 64}),
            Map.of("a.Kept", new long[] {12, 384}, "a.New", new long[] {1, 16}));
    assertThat(g.toString()).isEqualTo("a.Kept        12       +10\na.New          1        +1");
    assertThat(g.delta("a.Gone")).isEqualTo(-4);
    assertThat(g.changes()).hasSize(3);
  }

  @Test
  void withoutTheAgentAndWithAttachNeverTheMessageNamesTheFlag() {
    assertThat(AgentActivation.notActiveMessage())
        .isEqualTo(
            "refshadow is not active in this JVM and refshadow.attach=never forbids attaching"
                + " it. Start the test JVM with -javaagent:/path/to/refshadow-agent.jar (Maven"
                + " Surefire: <argLine>-javaagent:${io.refshadow:refshadow-agent:jar}</argLine>"
                + " with the maven-dependency-plugin 'properties' goal; Gradle: jvmArgs"
                + " \"-javaagent:...\"; see the README, section \"Memory checks in JUnit"
                + " tests\").");
  }
}
