package demo.app;

import demo.lib.Greeter;
import demo.lib.Inventory;
import java.util.ServiceLoader;
import java.util.function.Function;

public class Main {
  public static void main(String[] args) throws Exception {
    System.out.println("module " + Main.class.getModule().getName());
    Inventory inv =
        new Inventory()
            .add("a", new Inventory.Item("bolt", 3))
            .add("a", new Inventory.Item("nut", 4))
            .add("b", new Inventory.Item("gear", 5));
    System.out.println(inv + " total " + inv.total());
    for (Greeter g : ServiceLoader.load(Greeter.class)) {
      Function<String, String> twice = w -> g.greet(w) + " / " + g.greet(w.toUpperCase());
      System.out.println(twice.apply("app"));
      try {
        var field = g.getClass().getDeclaredField("seen");
        field.setAccessible(true);
        System.out.println("encapsulation broken: " + field.get(g));
      } catch (RuntimeException e) {
        System.out.println("encapsulated: " + e.getClass().getSimpleName());
      }
    }
    Object[] cycle = new Object[1];
    cycle[0] = cycle;
    System.out.println("exported package open to app: " + Inventory.class.getModule().isExported("demo.lib", Main.class.getModule()));
    System.out.println("internal package open to app: " + Inventory.class.getModule().isExported("demo.lib.internal", Main.class.getModule()));
  }
}
