package io.refshadow.agent.report;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws a cycle (the {@code graph} field of a refshadow.Cycle event: one reference a line, {@code
 * Type#1 -field-> Type#2}) as inline SVG: with Graphviz's {@code dot} when it is on the PATH, else
 * with a simple layout drawn here (objects on a circle, references as arrows named by their field).
 */
final class CycleGraphs {
  private CycleGraphs() {}

  /** A reference of the cycle. */
  record Edge(int from, int to, String field) {}

  /** The objects (or types) of a cycle and the references between them. */
  record Graph(List<String> nodes, List<Edge> edges) {}

  private static final Pattern LINE = Pattern.compile("^(\\S+) -(\\S+)-> (\\S+)$");

  static Graph parse(String text) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line.trim());
      if (!m.matches()) {
        continue; // "... n more"
      }
      int a = ids.computeIfAbsent(m.group(1), k -> ids.size());
      int b = ids.computeIfAbsent(m.group(3), k -> ids.size());
      edges.add(new Edge(a, b, m.group(2)));
    }
    return new Graph(new ArrayList<>(ids.keySet()), edges);
  }

  /** "com.example.Outer$Node#2" becomes "Outer$Node #2". */
  static String shortName(String node) {
    int hash = node.lastIndexOf('#');
    String type = hash < 0 ? node : node.substring(0, hash);
    String suffix = hash < 0 ? "" : " " + node.substring(hash);
    int generic = type.indexOf('[');
    String base = generic < 0 ? type : type.substring(0, generic);
    String arrays = generic < 0 ? "" : type.substring(generic);
    int dot = base.lastIndexOf('.');
    return (dot < 0 ? base : base.substring(dot + 1)) + arrays + suffix;
  }

  /** Whether Graphviz's dot runs here. */
  static boolean dotAvailable() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, "dot").canExecute()) {
        return true;
      }
    }
    return false;
  }

  /** The cycle as an {@code <svg>} element; {@code useDot} false forces the built-in drawing. */
  static String svg(Graph g, String id, boolean useDot) {
    if (useDot) {
      String s = withDot(g, id);
      if (s != null) {
        return s;
      }
    }
    return drawn(g, id);
  }

  static String dotSource(Graph g) {
    StringBuilder b = new StringBuilder();
    b.append("digraph cycle {\n  rankdir=LR; bgcolor=\"transparent\"; pad=0.2;\n");
    b.append(
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e8f0f8\", color=\"#306998\","
            + " fontname=\"DejaVu Sans\", fontsize=11];\n");
    b.append("  edge [color=\"#555555\", fontname=\"DejaVu Sans\", fontsize=10];\n");
    for (int i = 0; i < g.nodes().size(); i++) {
      b.append("  n")
          .append(i)
          .append(" [label=\"")
          .append(dotEscape(shortName(g.nodes().get(i))))
          .append("\", tooltip=\"")
          .append(dotEscape(g.nodes().get(i)))
          .append("\"];\n");
    }
    for (Edge e : g.edges()) {
      b.append("  n")
          .append(e.from())
          .append(" -> n")
          .append(e.to())
          .append(" [label=\"")
          .append(dotEscape(e.field()))
          .append("\"];\n");
    }
    return b.append("}\n").toString();
  }

  private static String dotEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static String withDot(Graph g, String id) {
    try {
      Process p = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(false).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(dotSource(g).getBytes(StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (InputStream o = p.getInputStream()) {
        o.transferTo(out);
      }
      if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      String svg = out.toString(StandardCharsets.UTF_8);
      int start = svg.indexOf("<svg");
      if (start < 0) {
        return null;
      }
      // keep the element only (no XML prolog or DOCTYPE inside HTML); ids made unique per graph
      return svg.substring(start)
          .replaceFirst("<svg ", "<svg class=\"cycle-graph\" data-layout=\"graphviz\" ")
          .replace("id=\"graph0\"", "id=\"" + id + "\"")
          .replaceAll("id=\"(node|edge)(\\d+)\"", "id=\"" + id + "_$1$2\"");
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The fallback: objects on a circle, references as arrows (curved when both ways). */
  static String drawn(Graph g, String id) {
    int n = g.nodes().size();
    double boxH = 30;
    double[] boxW = new double[n];
    for (int i = 0; i < n; i++) {
      boxW[i] = Math.max(70, 7.2 * shortName(g.nodes().get(i)).length() + 20);
    }
    double maxW = 0;
    for (double w : boxW) {
      maxW = Math.max(maxW, w);
    }
    // adjacent objects on the circle are a box width apart plus room for the field names
    double radius = n <= 1 ? 0 : (maxW + 130) / (2 * Math.sin(Math.PI / n));
    double[] x = new double[n];
    double[] y = new double[n];
    int[] slot = walkOrder(g);
    for (int i = 0; i < n; i++) {
      double a = n == 2 ? Math.PI * (1 - slot[i]) : -Math.PI / 2 + 2 * Math.PI * slot[i] / n;
      x[i] = radius * Math.cos(a);
      y[i] = radius * Math.sin(a);
    }
    boolean selfLoop = g.edges().stream().anyMatch(e -> e.from() == e.to());
    double minX = Double.MAX_VALUE,
        maxX = -Double.MAX_VALUE,
        minY = Double.MAX_VALUE,
        maxY = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, x[i] - boxW[i] / 2);
      maxX = Math.max(maxX, x[i] + boxW[i] / 2);
      minY = Math.min(minY, y[i] - boxH / 2);
      maxY = Math.max(maxY, y[i] + boxH / 2);
    }
    double margin = 30;
    double top = margin + (selfLoop ? 60 : 0) + (n == 2 ? 30 : 0); // curved arrows of a pair
    double bottom = margin + (n == 2 ? 30 : 0);
    for (int i = 0; i < n; i++) {
      x[i] += margin - minX;
      y[i] += top - minY;
    }
    double width = maxX - minX + 2 * margin;
    double height = maxY - minY + top + bottom;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"cycle-graph\" data-layout=\"built-in\" xmlns=\"http://www.w3.org/2000/svg\""
                + " viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\">%n",
            width,
            height,
            width,
            height));
    b.append("<defs><marker id=\"")
        .append(id)
        .append(
            "_arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10"
                + " z\" fill=\"#555\"/></marker></defs>\n");
    for (Edge e : g.edges()) {
      boolean both = false;
      for (Edge o : g.edges()) {
        if (o.from() == e.to() && o.to() == e.from() && o != e) {
          both = true;
        }
      }
      if (e.from() == e.to()) {
        double sx = x[e.from()];
        double sy = y[e.from()] - boxH / 2;
        b.append(
            String.format(
                Locale.ROOT,
                "<path d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#555\""
                    + " stroke-width=\"1.5\" marker-end=\"url(#%s_arrow)\"/>%n",
                sx - 15,
                sy,
                sx - 40,
                sy - 55,
                sx + 40,
                sy - 55,
                sx + 15,
                sy,
                id));
        label(b, sx, sy - 48, e.field());
        continue;
      }
      double[] p1 = border(x[e.from()], y[e.from()], x[e.to()], y[e.to()], boxW[e.from()], boxH);
      double[] p2 = border(x[e.to()], y[e.to()], x[e.from()], y[e.from()], boxW[e.to()], boxH);
      double mx = (p1[0] + p2[0]) / 2;
      double my = (p1[1] + p2[1]) / 2;
      double dx = p2[0] - p1[0];
      double dy = p2[1] - p1[1];
      double len = Math.max(1, Math.hypot(dx, dy));
      double bend = both ? 28 : 0; // two arrows between the same objects curve apart
      double qx = mx - dy / len * bend;
      double qy = my + dx / len * bend;
      b.append(
          String.format(
              Locale.ROOT,
              "<path d=\"M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"#555\""
                  + " stroke-width=\"1.5\" marker-end=\"url(#%s_arrow)\"/>%n",
              p1[0],
              p1[1],
              qx,
              qy,
              p2[0],
              p2[1],
              id));
      label(b, (mx + qx) / 2, (my + qy) / 2 - 4, e.field());
    }
    for (int i = 0; i < n; i++) {
      b.append(
          String.format(
              Locale.ROOT,
              "<g><title>%s</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                  + " rx=\"6\" fill=\"#e8f0f8\" stroke=\"#306998\" stroke-width=\"1.5\"/>"
                  + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-family=\"DejaVu Sans,"
                  + " sans-serif\" font-size=\"12\">%s</text></g>%n",
              Html.escape(g.nodes().get(i)),
              x[i] - boxW[i] / 2,
              y[i] - boxH / 2,
              boxW[i],
              boxH,
              x[i],
              y[i] + 4,
              Html.escape(shortName(g.nodes().get(i)))));
    }
    return b.append("</svg>").toString();
  }

  /**
   * Each node's place around the circle: the order met when following references from the first
   * object, so that a ring is drawn as a ring, without crossing arrows.
   */
  static int[] walkOrder(Graph g) {
    int n = g.nodes().size();
    int[] slot = new int[n];
    java.util.Arrays.fill(slot, -1);
    int next = 0;
    for (int start = 0; start < n; start++) {
      int v = start;
      while (v >= 0 && slot[v] < 0) {
        slot[v] = next++;
        int to = -1;
        for (Edge e : g.edges()) {
          if (e.from() == v && slot[e.to()] < 0) {
            to = e.to();
            break;
          }
        }
        v = to;
      }
    }
    return slot;
  }

  private static void label(StringBuilder b, double x, double y, String text) {
    b.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-family=\"DejaVu Sans,"
                + " sans-serif\" font-size=\"11\" fill=\"#7B3FA0\" paint-order=\"stroke\""
                + " stroke=\"white\" stroke-width=\"3\">%s</text>%n",
            x,
            y,
            Html.escape(text)));
  }

  /** Where the line from (x1,y1) to (x2,y2) leaves the box of width w, height h around (x1,y1). */
  private static double[] border(double x1, double y1, double x2, double y2, double w, double h) {
    double dx = x2 - x1;
    double dy = y2 - y1;
    if (dx == 0 && dy == 0) {
      return new double[] {x1, y1};
    }
    double sx = dx == 0 ? Double.MAX_VALUE : (w / 2) / Math.abs(dx);
    double sy = dy == 0 ? Double.MAX_VALUE : (h / 2) / Math.abs(dy);
    double s = Math.min(sx, sy);
    return new double[] {x1 + dx * s, y1 + dy * s};
  }
}
