package io.refshadow.bench.workload;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jackson databind: builds a document of {@code size} orders (nested objects, lists, maps, strings,
 * numbers), serializes it to JSON text and parses the text back into objects.
 */
public final class JacksonWorkload implements Workload {
  public static class Address {
    public String street;
    public String city;
    public String zip;
  }

  public static class Customer {
    public long id;
    public String name;
    public String email;
    public Address address;
  }

  public static class Line {
    public String sku;
    public int quantity;
    public double price;
  }

  public static class Order {
    public long id;
    public Customer customer;
    public List<Line> lines = new ArrayList<>();
    public List<String> tags = new ArrayList<>();
    public Map<String, String> attributes = new LinkedHashMap<>();
  }

  private static final TypeReference<List<Order>> ORDERS = new TypeReference<>() {};

  private final int size;
  private final ObjectMapper mapper = new ObjectMapper();

  public JacksonWorkload(int size) {
    this.size = size;
  }

  static List<Order> document(int size) {
    List<Order> orders = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Order o = new Order();
      o.id = i;
      Customer c = new Customer();
      c.id = i % 997;
      c.name = "customer " + c.id;
      c.email = "c" + c.id + "@example.com";
      Address a = new Address();
      a.street = (i % 300) + " Main Street";
      a.city = "city" + (i % 50);
      a.zip = String.valueOf(10000 + i % 9000);
      c.address = a;
      o.customer = c;
      for (int k = 0; k < 1 + i % 5; k++) {
        Line l = new Line();
        l.sku = "sku-" + ((i * 31 + k) % 5000);
        l.quantity = 1 + k;
        l.price = 0.25 * ((i + k) % 400);
        o.lines.add(l);
      }
      o.tags.add("t" + i % 7);
      o.tags.add(i % 2 == 0 ? "even" : "odd");
      o.attributes.put("channel", i % 3 == 0 ? "web" : "store");
      o.attributes.put("priority", String.valueOf(i % 4));
      orders.add(o);
    }
    return orders;
  }

  @Override
  public long run() throws Exception {
    String json = mapper.writeValueAsString(document(size));
    List<Order> back = mapper.readValue(json, ORDERS);
    long sum = json.length();
    for (Order o : back) {
      sum = sum * 31 + o.lines.size() + o.customer.address.city.hashCode() + o.tags.size();
    }
    return sum;
  }
}
