package io.refshadow.scenarios;

import io.refshadow.twin.Twin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPython reference scenarios on the test class path ({@code scenarios/sNN_topic.py} with its
 * {@code .expected} output), and the Java twin of each: class {@code SNNTopic} in this package.
 */
final class Scenarios {
  private static final String DIR = "scenarios";

  private Scenarios() {}

  /** The names ({@code sNN_topic}) of every scenario program on the class path, sorted. */
  static List<String> names() {
    URL url = Scenarios.class.getClassLoader().getResource(DIR);
    if (url == null) {
      throw new IllegalStateException("no " + DIR + "/ directory on the test class path");
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".py"))
          .map(n -> n.substring(0, n.length() - 3))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lines CPython 3.12 printed for {@code name}, as checked in ({@code name.expected}). */
  static List<String> expected(String name) {
    String resource = DIR + "/" + name + ".expected";
    try (InputStream in = Scenarios.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "missing " + resource + " (CPython's output of " + name + ")");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1); // the final newline
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The name of the twin class of scenario {@code name}: s21_auto_threshold -> S21AutoThreshold.
   */
  static String twinClassName(String name) {
    StringBuilder b = new StringBuilder(Scenarios.class.getPackageName()).append('.');
    for (String part : name.split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  /** A new instance of the twin of scenario {@code name}. */
  static Twin twin(String name) {
    String className = twinClassName(name);
    try {
      Class<?> c = Class.forName(className);
      var ctor = c.getDeclaredConstructor();
      ctor.setAccessible(true);
      return (Twin) ctor.newInstance();
    } catch (ClassNotFoundException e) {
      throw new AssertionError(
          "scenario " + name + " has no Java twin: write class " + className + " implements Twin");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot instantiate " + className, e);
    }
  }
}
