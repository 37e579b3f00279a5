package io.refshadow.jmc;

import io.refshadow.jfr.EventNames;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openjdk.jmc.common.item.Attribute;
import org.openjdk.jmc.common.item.IAttribute;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;

/** Reading refshadow's events from Mission Control's item collections. */
final class RefshadowRuleSupport {
  private RefshadowRuleSupport() {}

  /** The topic refshadow's rules are listed under in Mission Control's Automated Analysis. */
  static final String TOPIC = "refshadow";

  static IAttribute<Number> count(String field) {
    return Attribute.attr(field, field, UnitLookup.RAW_NUMBER);
  }

  static IAttribute<String> text(String field) {
    return Attribute.attr(field, field, UnitLookup.PLAIN_TEXT);
  }

  static IAttribute<Boolean> flag(String field) {
    return Attribute.attr(field, field, UnitLookup.FLAG);
  }

  static IAttribute<IQuantity> timespan(String field) {
    return Attribute.attr(field, field, UnitLookup.TIMESPAN);
  }

  static IAttribute<IQuantity> memory(String field) {
    return Attribute.attr(field, field, UnitLookup.MEMORY);
  }

  /** Whether the recording holds any refshadow event. */
  static boolean isRefshadowRecording(IItemCollection items) {
    for (IItemIterable it : items) {
      if (it.getType().getIdentifier().startsWith(EventNames.PREFIX) && it.hasItems()) {
        return true;
      }
    }
    return false;
  }

  /** One row per event of {@code eventName}, made by {@code row} from the event's accessors. */
  static <T> List<T> rows(IItemCollection items, String eventName, Function<Reader, T> row) {
    List<T> out = new ArrayList<>();
    for (IItemIterable it : items.apply(ItemFilters.type(eventName))) {
      Reader r = new Reader(it);
      for (IItem item : it) {
        r.item = item;
        out.add(row.apply(r));
      }
    }
    return out;
  }

  /** Reads fields of the current item of one event type. */
  static final class Reader {
    private final IItemIterable it;
    IItem item;

    Reader(IItemIterable it) {
      this.it = it;
    }

    private <V> V get(IAttribute<V> a) {
      IMemberAccessor<V, IItem> acc = a.getAccessor(it.getType());
      return acc == null ? null : acc.getMember(item);
    }

    long count(String field) {
      Number n = get(RefshadowRuleSupport.count(field));
      return n == null ? 0 : n.longValue();
    }

    String text(String field) {
      String s = get(RefshadowRuleSupport.text(field));
      return s == null ? "" : s;
    }

    boolean flag(String field) {
      Boolean b = get(RefshadowRuleSupport.flag(field));
      return b != null && b;
    }

    long nanos(String field) {
      IQuantity q = get(timespan(field));
      return q == null ? 0 : q.clampedLongValueIn(UnitLookup.NANOSECOND);
    }

    long bytes(String field) {
      IQuantity q = get(memory(field));
      return q == null ? 0 : q.clampedLongValueIn(UnitLookup.BYTE);
    }
  }
}
