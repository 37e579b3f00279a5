package demo.lib;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exported library code holding the caller's objects in JDK collections. */
public final class Inventory {
  public record Item(String name, int count) {}

  private final Map<String, List<Item>> byShelf = new LinkedHashMap<>();

  public Inventory add(String shelf, Item item) {
    byShelf.computeIfAbsent(shelf, s -> new ArrayList<>()).add(item);
    return this;
  }

  public int total() {
    int sum = 0;
    for (List<Item> items : byShelf.values()) {
      for (Item i : items) {
        sum += i.count();
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return byShelf.toString();
  }
}
