package io.refshadow.agent.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts: JFreeChart drawn into inline SVG by JFreeSVG (no image files, no network).
 */
final class Charts {
  private Charts() {}

  static final int WIDTH = 860;
  static final int HEIGHT = 340;

  static final Color PYTHON = new Color(0x30, 0x69, 0x98); // Python blue
  static final Color JVM = new Color(0xE7, 0x6F, 0x00); // Java orange
  static final Color PYMALLOC = new Color(0x7B, 0x3F, 0xA0);
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private static int counter;

  /** A named series of (seconds, bytes) points. */
  record Series(String name, Color color, double[] seconds, long[] bytes) {}

  /** A line chart over time, bytes on the vertical axis (in a unit that fits the largest value). */
  static String timeline(String title, List<Series> series) {
    long max = 1;
    for (Series s : series) {
      for (long v : s.bytes()) {
        max = Math.max(max, v);
      }
    }
    String[] unitName = {"bytes", "KiB", "MiB", "GiB"};
    int unit = 0;
    double scale = 1;
    while (max / scale >= 1024 * 4 && unit < unitName.length - 1) {
      scale *= 1024;
      unit++;
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    int i = 0;
    for (Series s : series) {
      XYSeries xy = new XYSeries(s.name(), true, true);
      for (int k = 0; k < s.seconds().length; k++) {
        xy.addOrUpdate(s.seconds()[k], s.bytes()[k] / scale);
      }
      data.addSeries(xy);
      renderer.setSeriesPaint(i, s.color());
      renderer.setSeriesStroke(i, new BasicStroke(2f));
      renderer.setSeriesShapesVisible(i, xy.getItemCount() < 60);
      i++;
    }
    NumberAxis x = new NumberAxis("seconds since the recording started");
    NumberAxis y = new NumberAxis(unitName[unit]);
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    style(plot);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    return svg(chart(title, plot), WIDTH, HEIGHT);
  }

  /** A bar chart of counts by category, one bar series per entry of {@code series}. */
  static String bars(
      String title,
      String valueAxis,
      Map<String, long[]> series,
      List<String> categories,
      List<Color> colors,
      boolean horizontal,
      int height) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Map.Entry<String, long[]> s : series.entrySet()) {
      for (int k = 0; k < categories.size(); k++) {
        data.addValue(s.getValue()[k], s.getKey(), categories.get(k));
      }
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int k = 0; k < colors.size(); k++) {
      renderer.setSeriesPaint(k, colors.get(k));
    }
    CategoryAxis cats = new CategoryAxis();
    cats.setTickLabelFont(FONT);
    if (!horizontal) {
      cats.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
      cats.setMaximumCategoryLabelLines(2);
    } else {
      cats.setMaximumCategoryLabelWidthRatio(0.45f);
    }
    NumberAxis values = new NumberAxis(valueAxis);
    values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    CategoryPlot plot = new CategoryPlot(data, cats, values, renderer);
    plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    style(plot);
    plot.setRangeGridlinePaint(GRID);
    return svg(chart(title, plot), WIDTH, height);
  }

  private static void style(org.jfree.chart.plot.Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
  }

  private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
    JFreeChart chart = new JFreeChart(null, FONT, plot, true);
    chart.setTitle(new TextTitle(title, FONT.deriveFont(Font.BOLD, 14f)));
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setItemFont(FONT);
    chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
    return chart;
  }

  static String svg(JFreeChart chart, int width, int height) {
    String id = "chart" + (++counter);
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "_"); // several charts in one page: their clip ids must differ
    chart.draw(g, new Rectangle(0, 0, width, height));
    return g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
  }
}
