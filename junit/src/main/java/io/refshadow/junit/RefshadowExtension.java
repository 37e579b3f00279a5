package io.refshadow.junit;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit Jupiter extension behind {@link NoReferenceCycles}, {@link LimitShadowMemory} and
 * {@link LimitLeaks}. The annotations register it; to apply the checks to every test through
 * configuration parameters ({@link ConfigKeys}), register it for all tests with {@code
 * junit.jupiter.extensions.autodetection.enabled=true} (it is listed in {@code
 * META-INF/services/org.junit.jupiter.api.extension.Extension}).
 *
 * <p>For each checked test it makes sure the agent is active ({@link AgentActivation}: already
 * there through {@code -javaagent}, or attached now), measures from just before the test's
 * {@code @BeforeEach} methods to just after its {@code @AfterEach} methods, then checks. Only
 * objects allocated on the test's thread by code other than test tooling (JUnit, AssertJ, the build
 * tool) count as the test's. A test that already failed is not checked.
 *
 * <p>This class and the annotations refer to no class of refshadow-runtime: the runtime is reached
 * only after the agent has put it on the bootstrap class path.
 */
public final class RefshadowExtension
    implements TestInstancePreConstructCallback, BeforeEachCallback, AfterEachCallback {
  private static final Namespace NAMESPACE = Namespace.create(RefshadowExtension.class);
  private static final String MEASUREMENT = "measurement";

  /**
   * Attaches the agent, when needed, before the test instance (and its class's static state) is
   * created, so that its constructor and field initializers are mirrored too.
   */
  @Override
  public void preConstructTestInstance(
      TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    Class<?> testClass = factoryContext.getTestClass();
    if (CheckSettings.anyIn(context::getConfigurationParameter, testClass)) {
      AgentActivation.ensureActive(context::getConfigurationParameter, testClass.getClassLoader());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    CheckSettings settings =
        CheckSettings.resolve(
            context::getConfigurationParameter,
            context.getRequiredTestClass(),
            context.getRequiredTestMethod());
    if (!settings.any()) {
      return;
    }
    AgentActivation.ensureActive(
        context::getConfigurationParameter, context.getRequiredTestClass().getClassLoader());
    context.getStore(NAMESPACE).put(MEASUREMENT, ShadowAccess.startMeasuring(settings));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Measurement measurement = context.getStore(NAMESPACE).remove(MEASUREMENT, Measurement.class);
    if (measurement == null) {
      return;
    }
    List<Object> instances = context.getRequiredTestInstances().getAllInstances();
    String failure = measurement.finish(context.getExecutionException().isEmpty(), instances);
    if (failure != null) {
      throw new AssertionFailedError(failure);
    }
  }
}
