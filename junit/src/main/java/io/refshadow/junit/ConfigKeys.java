package io.refshadow.junit;

/**
 * The JUnit configuration parameters the extension reads, in one place. Set them in {@code
 * src/test/resources/junit-platform.properties}, as Surefire {@code configurationParameters}, as
 * Gradle {@code systemProperty}, or as {@code -D} system properties. An annotation on a class or
 * method takes precedence over them.
 */
public final class ConfigKeys {
  private ConfigKeys() {}

  /**
   * {@code true}: every test the extension sees is checked as if annotated {@link
   * NoReferenceCycles}.
   */
  public static final String NO_REFERENCE_CYCLES = "refshadow.noReferenceCycles";

  /** A size such as {@code 24 MB}: every test gets this {@link LimitShadowMemory} limit. */
  public static final String LIMIT_SHADOW_MEMORY = "refshadow.limitShadowMemory";

  /** A number: every test gets {@link LimitLeaks} with this {@code maxObjects}. */
  public static final String LIMIT_LEAKS_MAX_OBJECTS = "refshadow.limitLeaks.maxObjects";

  /**
   * Comma-separated class names ({@code com.example.Entry,byte[]}) for the build-wide {@link
   * LimitLeaks}: only objects of these types (or subtypes) count.
   */
  public static final String LIMIT_LEAKS_TYPES = "refshadow.limitLeaks.types";

  /**
   * How the agent gets into a test JVM started without {@code -javaagent}: {@code auto} (default:
   * attach when test discovery starts, before any test class is loaded), {@code lazy} (attach only
   * when the first checked test runs; classes loaded before are retransformed) or {@code never}
   * (fail, naming the {@code -javaagent} flag).
   */
  public static final String ATTACH = "refshadow.attach";

  /** The agent jar to attach; found on the class path when not set. */
  public static final String AGENT_JAR = "refshadow.agent.jar";

  /** Agent options for self-attach, as after {@code -javaagent:refshadow-agent.jar=}. */
  public static final String AGENT_OPTIONS = "refshadow.agent.options";

  /**
   * Extra comma-separated package prefixes of test tooling whose allocations are not the test's own
   * (JUnit, AssertJ, Surefire, Gradle and IDE runners are always excluded).
   */
  public static final String TOOLING_PACKAGES = "refshadow.toolingPackages";
}
