package classloading;

import io.refshadow.Gc;
import io.refshadow.Sys;
import io.refshadow.Weakref;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * The same plugin classes (classloading.plugin) loaded four ways: by the application class loader,
 * by a loader that defines them from class-file bytes itself, by a child-first loader that finds
 * its own copy before asking its parent, and by a URLClassLoader over a jar this program writes;
 * then the bytes of a class defined again as hidden classes. Standard output is the same with or
 * without the agent; lines starting {@code shadow:} (standard error, agent only) say what the
 * shadow heap saw of objects the plugin code made.
 */
public class Loaders {
  static final boolean SHADOW = shadowActive();
  static final String PLUGIN = "classloading.plugin.";

  static boolean shadowActive() {
    try {
      Gc.isEnabled();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  static void shadow(String line) {
    System.err.println("shadow: " + line);
  }

  static byte[] classBytes(String name) throws IOException {
    try (InputStream in =
        Loaders.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  /** Defines the plugin's classes itself from their bytes; everything else from the platform. */
  static final class DefiningLoader extends ClassLoader {
    DefiningLoader() {
      super("defining", ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (!name.startsWith(PLUGIN)) {
        throw new ClassNotFoundException(name);
      }
      try {
        byte[] b = classBytes(name);
        return defineClass(name, b, 0, b.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }

  /** Child first: the plugin's classes from its own URLs even though the parent has them too. */
  static final class ChildFirstLoader extends URLClassLoader {
    ChildFirstLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(PLUGIN)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  @SuppressWarnings("unchecked")
  static void exercise(String how, ClassLoader loader) throws Exception {
    Class<?> type = Class.forName(PLUGIN + "Widget", true, loader);
    Object widget = type.getDeclaredConstructor().newInstance();
    Supplier<Object> supplier = (Supplier<Object>) widget;
    Function<Object, Object> function = (Function<Object, Object>) widget;
    Object part = supplier.get();
    Object ring = function.apply(4);
    System.out.println(how + ": " + widget + "; " + part + "; " + ring);
    System.out.println(
        how + ": same class as the application's: " + (type == classloading.plugin.Widget.class));
    if (SHADOW) {
      Weakref<Object> partRef = Weakref.ref(part);
      Weakref<Object> ringRef = Weakref.ref(ring);
      // sys.getrefcount: the local and the argument
      shadow(how + " part refcount " + Sys.getRefcount(part));
      part = null;
      ring = null;
      shadow(how + " part freed by refcount " + (partRef.get() == null));
      shadow(how + " ring alive until collected " + (ringRef.get() != null));
      Gc.collect();
      shadow(how + " ring freed by the cycle detector " + (ringRef.get() == null));
    }
  }

  public static void main(String[] args) throws Throwable {
    URL classes = Loaders.class.getProtectionDomain().getCodeSource().getLocation();
    exercise("application loader", Loaders.class.getClassLoader());
    exercise("defining loader", new DefiningLoader());
    try (URLClassLoader childFirst =
        new ChildFirstLoader(new URL[] {classes}, Loaders.class.getClassLoader())) {
      exercise("child-first loader", childFirst);
    }
    Path dir = Files.createTempDirectory("refshadow-plugin");
    Path jar = dir.resolve("plugin.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      for (String name : new String[] {"Widget", "Part"}) {
        j.putNextEntry(new JarEntry(PLUGIN.replace('.', '/') + name + ".class"));
        j.write(classBytes(PLUGIN + name));
        j.closeEntry();
      }
    }
    try (URLClassLoader fromJar =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      exercise("jar loader", fromJar);
    }
    Files.delete(jar);
    Files.delete(dir);

    // The same bytes defined twice as hidden classes: two classes, neither findable by name.
    byte[] greeter = classBytes("classloading.HiddenGreeter");
    for (String who : new String[] {"first", "second"}) {
      MethodHandles.Lookup hidden = MethodHandles.lookup().defineHiddenClass(greeter, true);
      @SuppressWarnings("unchecked")
      Function<String, String> f =
          (Function<String, String>)
              hidden
                  .findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
                  .invoke();
      System.out.println("hidden class: " + f.apply(who) + " " + f.apply("again"));
    }
  }
}
