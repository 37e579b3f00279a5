package io.refshadow.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Line numbers in the example sources, so that expected allocation sites survive edits. */
final class ExampleSources {
  private ExampleSources() {}

  /** {@code Class.method(File.java:N)} where N is the line holding {@code // site: <marker>}. */
  static String site(Class<?> example, String method, String marker) {
    String file = example.getSimpleName() + ".java";
    Path source =
        Path.of(System.getProperty("refshadow.test.sources", "src/test/java"))
            .resolve(example.getPackageName().replace('.', '/'))
            .resolve(file);
    try {
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("// site: " + marker)) {
          return example.getName() + "." + method + "(" + file + ":" + (i + 1) + ")";
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no '// site: " + marker + "' in " + source);
  }
}
