package io.refshadow.bench.workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * H2, in memory: a new database per repetition, {@code size} customers and {@code 4 * size} orders
 * inserted through prepared statements in batches, then a join with grouping read to the end.
 */
public final class H2Workload implements Workload {
  private final int size;
  private int database;

  public H2Workload(int size) {
    this.size = size;
  }

  @Override
  public long run() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bench" + database++)) {
      try (Statement s = c.createStatement()) {
        s.execute("create table customer(id int primary key, name varchar(64), city varchar(32))");
        s.execute(
            "create table orders(id int primary key, customer_id int, amount decimal(10,2),"
                + " note varchar(64))");
        s.execute("create index orders_customer on orders(customer_id)");
      }
      try (PreparedStatement p = c.prepareStatement("insert into customer values(?, ?, ?)")) {
        for (int i = 0; i < size; i++) {
          p.setInt(1, i);
          p.setString(2, "customer " + i);
          p.setString(3, "city" + (i % 50));
          p.addBatch();
          if (i % 100 == 99) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement("insert into orders values(?, ?, ?, ?)")) {
        for (int i = 0; i < 4 * size; i++) {
          p.setInt(1, i);
          p.setInt(2, (i * 7) % size);
          p.setBigDecimal(3, java.math.BigDecimal.valueOf(i % 10_000, 2));
          p.setString(4, i % 3 == 0 ? "express" : "standard");
          p.addBatch();
          if (i % 100 == 99) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
      long sum = 0;
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "select c.city, count(*), sum(o.amount) from orders o"
                      + " join customer c on o.customer_id = c.id"
                      + " where o.note = 'express' group by c.city order by c.city")) {
        while (r.next()) {
          sum = sum * 31 + r.getString(1).hashCode() + r.getLong(2) + r.getBigDecimal(3).hashCode();
        }
      }
      return sum;
    }
  }
}
