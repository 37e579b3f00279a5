package classloading;

import io.refshadow.Gc;
import io.refshadow.Sys;
import io.refshadow.Weakref;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Records (their equals, hashCode and toString come from invokedynamic), sealed interfaces with
 * pattern matching, a record whose compact constructor throws, and lambdas of every kind: capturing
 * and not, method references bound and unbound, composed functions, and lambdas handed to the JDK's
 * streams. Standard output is the same with or without the agent; {@code shadow:} lines (standard
 * error, agent only) say when the shadow freed records and lambdas.
 */
public class Shapes {
  static final boolean SHADOW = Loaders.shadowActive();

  sealed interface Shape permits Circle, Square, Group, Custom {}

  record Circle(double r) implements Shape {}

  record Square(double side) implements Shape {
    Square {
      if (side < 0) {
        throw new IllegalArgumentException("negative side " + side);
      }
    }
  }

  record Group(String name, List<Shape> members) implements Shape {}

  static non-sealed class Custom implements Shape {
    final Supplier<Double> area;

    Custom(Supplier<Double> area) {
      this.area = area;
    }
  }

  static double area(Shape s) {
    if (s instanceof Circle c) {
      return Math.PI * c.r() * c.r();
    } else if (s instanceof Square sq) {
      return sq.side() * sq.side();
    } else if (s instanceof Group g) {
      double sum = 0;
      for (Shape m : g.members()) {
        sum += area(m);
      }
      return sum;
    } else if (s instanceof Custom c) {
      return c.area.get();
    }
    throw new AssertionError(s);
  }

  static Group build(String name, int n) {
    List<Shape> members = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      members.add(i % 2 == 0 ? new Circle(i) : new Square(i));
    }
    double extra = n * 0.5;
    members.add(new Custom(() -> extra)); // a capturing lambda inside a record's list
    return new Group(name, members);
  }

  static Supplier<Square> holding(Square s) {
    return () -> s;
  }

  public static void main(String[] args) {
    Group g = build("g", 5);
    System.out.printf("area %.3f%n", area(g));
    System.out.println("equal records: " + new Circle(2).equals(new Circle(2)));
    System.out.println(
        "hash codes equal: " + (new Square(3).hashCode() == new Square(3).hashCode()));
    System.out.println("toString: " + new Group("empty", List.of()) + " " + new Circle(1.5));
    try {
      new Square(-1);
    } catch (IllegalArgumentException e) {
      System.out.println("compact constructor: " + e.getMessage());
    }
    Map<Shape, String> names = new HashMap<>();
    names.put(new Circle(1), "one");
    names.put(new Square(2), "two");
    System.out.println("record keys: " + names.get(new Circle(1)) + " " + names.get(new Square(2)));

    // lambdas: non-capturing, capturing, bound and unbound method references, composition
    Function<Shape, Double> areaOf = Shapes::area;
    Function<Double, String> format = d -> String.format("%.1f", d);
    String prefix = "size ";
    Function<Shape, String> describe = areaOf.andThen(format).andThen(prefix::concat);
    BiFunction<String, Integer, Group> builder = Shapes::build;
    System.out.println(describe.apply(builder.apply("h", 3)));
    List<String> sorted =
        IntStream.rangeClosed(1, 6)
            .mapToObj(i -> (Shape) (i % 3 == 0 ? new Circle(i) : new Square(i)))
            .sorted(Comparator.comparingDouble(Shapes::area).reversed())
            .map(describe)
            .collect(Collectors.toList());
    System.out.println("sorted " + sorted);
    Map<Boolean, Long> byKind =
        g.members().stream()
            .collect(Collectors.partitioningBy(s -> s instanceof Circle, Collectors.counting()));
    System.out.println("circles/others " + byKind);

    if (SHADOW) {
      Weakref<Group> groupRef = Weakref.ref(g);
      Weakref<Object> memberRef = Weakref.ref(g.members().get(0));
      System.err.println("shadow: group refcount " + Sys.getRefcount(g));
      g = null;
      System.err.println(
          "shadow: record and its members freed by refcount "
              + (groupRef.get() == null && memberRef.get() == null));
      Square kept = new Square(7);
      Supplier<Square> holder = holding(kept); // the lambda holds the record
      Weakref<Square> keptRef = Weakref.ref(kept);
      kept = null;
      System.err.println("shadow: held by a lambda " + (keptRef.get() != null));
      holder = null;
      System.err.println("shadow: freed with the lambda " + (keptRef.get() == null));
      Gc.collect();
    }
  }
}
