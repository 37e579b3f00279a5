package io.refshadow.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of {@link SelfAttachIT}'s forked JVMs: runs the given test methods ({@code
 * class#method}) through the JUnit Platform Launcher, as Surefire, Gradle and IDEs do, and prints
 * one line per test: {@code RESULT method|STATUS|message} (newlines in the message as {@code \n}).
 */
public final class ForkedLauncher {
  private ForkedLauncher() {}

  public static void main(String[] args) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    for (String method : args) {
      request.selectors(DiscoverySelectors.selectMethod(method));
    }
    LauncherFactory.create()
        .execute(
            request.build(),
            new TestExecutionListener() {
              @Override
              public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                if (test.isTest()) {
                  String message =
                      result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
                  System.out.println(
                      "RESULT "
                          + test.getDisplayName().replace("()", "")
                          + "|"
                          + result.getStatus()
                          + "|"
                          + message.replace("\n", "\\n"));
                }
              }
            });
  }
}
