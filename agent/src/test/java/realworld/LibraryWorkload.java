package realworld;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Real libraries, not written for refshadow: Jackson databind serializes and parses a document, H2
 * runs SQL in memory (inserts and a join). Prints results that must not change under the agent.
 */
public class LibraryWorkload {
  public static class Item {
    public int id;
    public String name;
    public List<String> tags = new ArrayList<>();

    public Item() {}

    Item(int i) {
      id = i;
      name = "item" + i;
      tags.add("t" + (i % 7));
    }
  }

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      items.add(new Item(i));
    }
    String json = mapper.writeValueAsString(items);
    Item[] back = mapper.readValue(json, Item[].class);
    long tagSum = 0;
    for (Item it : back) {
      tagSum += it.tags.get(0).hashCode();
    }
    System.out.println("jackson " + json.length() + " " + back.length + " " + tagSum);

    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:refshadow")) {
      Statement s = c.createStatement();
      s.execute("create table a(id int primary key, v varchar)");
      s.execute("create table b(id int primary key, aid int)");
      PreparedStatement pa = c.prepareStatement("insert into a values(?, ?)");
      for (int i = 0; i < 1000; i++) {
        pa.setInt(1, i);
        pa.setString(2, "v" + i);
        pa.execute();
      }
      PreparedStatement pb = c.prepareStatement("insert into b values(?, ?)");
      for (int i = 0; i < 2000; i++) {
        pb.setInt(1, i);
        pb.setInt(2, i % 500);
        pb.execute();
      }
      ResultSet r =
          s.executeQuery("select count(*), sum(a.id), max(a.v) from a join b on a.id = b.aid");
      r.next();
      System.out.println("h2 " + r.getLong(1) + " " + r.getLong(2) + " " + r.getString(3));
    }
  }
}
