package io.refshadow.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Attaches the agent when test discovery starts, in a JVM started without {@code -javaagent}, if
 * the run will need it: the earliest moment JUnit offers, before any test class is loaded, so that
 * test classes are instrumented as they load and the runtime's classes come from the bootstrap
 * class path only. Registered through {@code META-INF/services}.
 *
 * <p>The run needs the agent when a configuration parameter turns a check on, or when a selected
 * test class (or one nested in it, or any class under a selected class-path directory or package)
 * uses refshadow: its class file, read as bytes without loading it, names one of the annotations or
 * a runtime API class. Other runs are left alone; a test that needs the agent later still gets it,
 * attached by {@link RefshadowExtension}. {@link ConfigKeys#ATTACH}{@code =lazy} or {@code never}
 * turns this listener off.
 */
public final class EarlyAttachListener implements LauncherDiscoveryListener {
  /** Names in a class file that show it needs the agent. */
  private static final List<String> MARKERS =
      List.of(
          "Lio/refshadow/junit/NoReferenceCycles;",
          "Lio/refshadow/junit/LimitShadowMemory;",
          "Lio/refshadow/junit/LimitLeaks;",
          "io/refshadow/junit/HeapSnapshot",
          "io/refshadow/Gc",
          "io/refshadow/Sys",
          "io/refshadow/Weakref",
          "Lio/refshadow/Del;");

  /** Class files read under one class-path directory or package, at most. */
  private static final int MAX_SCANNED = 20_000;

  @Override
  public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
    ConfigurationParameters parameters = request.getConfigurationParameters();
    try {
      if (!AgentActivation.attachMode(parameters::get).equals("auto")
          || AgentActivation.isActive()) {
        return;
      }
    } catch (RuntimeException e) {
      return; // a bad value is reported by the first checked test
    }
    if (buildOptsIn(parameters) || selectsRefshadowUsers(request)) {
      AgentActivation.attachQuietly(parameters::get);
    }
  }

  private static boolean buildOptsIn(ConfigurationParameters p) {
    return p.getBoolean(ConfigKeys.NO_REFERENCE_CYCLES).orElse(false)
        || p.get(ConfigKeys.LIMIT_SHADOW_MEMORY).isPresent()
        || p.get(ConfigKeys.LIMIT_LEAKS_MAX_OBJECTS).isPresent();
  }

  static boolean selectsRefshadowUsers(LauncherDiscoveryRequest request) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = EarlyAttachListener.class.getClassLoader();
    }
    List<String> classes = new ArrayList<>();
    request.getSelectorsByType(ClassSelector.class).forEach(s -> classes.add(s.getClassName()));
    request.getSelectorsByType(MethodSelector.class).forEach(s -> classes.add(s.getClassName()));
    request
        .getSelectorsByType(NestedClassSelector.class)
        .forEach(s -> classes.addAll(s.getEnclosingClassNames()));
    request
        .getSelectorsByType(NestedMethodSelector.class)
        .forEach(s -> classes.addAll(s.getEnclosingClassNames()));
    for (String name : classes) {
      if (classUsesRefshadow(loader, name)) {
        return true;
      }
    }
    for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
      if (directoryUsesRefshadow(s.getClasspathRoot())) {
        return true;
      }
    }
    for (PackageSelector s : request.getSelectorsByType(PackageSelector.class)) {
      try {
        for (URL url :
            java.util.Collections.list(loader.getResources(s.getPackageName().replace('.', '/')))) {
          if (url.getProtocol().equals("file") && directoryUsesRefshadow(url.toURI())) {
            return true;
          }
        }
      } catch (IOException | java.net.URISyntaxException e) {
        // unreadable: leave it to the extension's own attach
      }
    }
    return false;
  }

  /** The class file of {@code className}, and those of classes nested in it, name refshadow. */
  private static boolean classUsesRefshadow(ClassLoader loader, String className) {
    String resource = className.replace('.', '/') + ".class";
    URL url = loader.getResource(resource);
    if (url == null) {
      return false;
    }
    if (bytesUseRefshadow(url)) {
      return true;
    }
    if (url.getProtocol().equals("file")) {
      try {
        Path file = Path.of(url.toURI());
        String nestedPrefix = file.getFileName().toString().replace(".class", "$");
        try (Stream<Path> siblings = Files.list(file.getParent())) {
          return siblings
              .filter(p -> p.getFileName().toString().startsWith(nestedPrefix))
              .anyMatch(EarlyAttachListener::fileUsesRefshadow);
        }
      } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean directoryUsesRefshadow(URI root) {
    try {
      Path dir = Path.of(root);
      if (!Files.isDirectory(dir)) {
        return false;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        return files
            .filter(p -> p.toString().endsWith(".class"))
            .limit(MAX_SCANNED)
            .anyMatch(EarlyAttachListener::fileUsesRefshadow);
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean fileUsesRefshadow(Path file) {
    try {
      return namesRefshadow(Files.readAllBytes(file));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean bytesUseRefshadow(URL url) {
    try (InputStream in = url.openStream()) {
      return namesRefshadow(in.readAllBytes());
    } catch (IOException e) {
      return false;
    }
  }

  /** Class-file names are modified UTF-8: ASCII names appear as their ASCII bytes. */
  private static boolean namesRefshadow(byte[] classFile) {
    String text = new String(classFile, StandardCharsets.ISO_8859_1);
    for (String marker : MARKERS) {
      if (text.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}
