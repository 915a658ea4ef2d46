package cn.shuangyong.tenants.budgets.api;

import cn.shuangyong.platform.web.Messages;
import jakarta.inject.Singleton;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The budget against actual of a year, drawn on the server with JFreeChart into SVG by JFreeSVG:
 * above, each line's budgeted, spent and evidenced amounts; below, the spending of each month with
 * the running total against the year's budget. The amounts go to the chart as the exact {@code
 * BigDecimal}s (the library turns them into coordinates only); the labels are in the reader's
 * language and name a Chinese font family the browser has (Noto Sans CJK, as installed by {@code
 * fonts-noto-cjk}, or the system's own), so the text stays text in the SVG.
 */
@Singleton
public class BudgetChart {
  public static final String SVG = "image/svg+xml";
  static final int WIDTH = 880;
  static final int LINES_HEIGHT = 360;
  static final int MONTHS_HEIGHT = 320;

  /** The families the SVG asks the browser for, Chinese-capable first. */
  static final String FONT_FAMILIES =
      "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei',"
          + " 'WenQuanYi Micro Hei', sans-serif";

  private static final Color BUDGETED = new Color(0x9e, 0xb7, 0xd6);
  private static final Color SPENT = new Color(0xc6, 0x28, 0x28);
  private static final Color EVIDENCED = new Color(0x2e, 0x7d, 0x32);

  private final Messages messages;
  private final String fontName;

  public BudgetChart(Messages messages) {
    this.messages = messages;
    this.fontName = chineseFont();
  }

  /** The chart of the year as a standalone SVG document. */
  public String svg(Budget budget, List<MonthActual> months, Locale locale) {
    return draw(budget, months, locale).getSVGDocument();
  }

  /**
   * The same chart as one {@code <svg>} element to be shown inside a page: without fixed
   * dimensions, its view box lets it take the width it is given.
   */
  public String svgElement(Budget budget, List<MonthActual> months, Locale locale) {
    return draw(budget, months, locale)
        .getSVGElement(
            "budget-chart-svg",
            false,
            new ViewBox(0, 0, WIDTH, LINES_HEIGHT + MONTHS_HEIGHT),
            PreserveAspectRatio.XMID_YMID,
            MeetOrSlice.MEET);
  }

  private SVGGraphics2D draw(Budget budget, List<MonthActual> months, Locale locale) {
    SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, LINES_HEIGHT + MONTHS_HEIGHT);
    g2.setFontFunction(family -> FONT_FAMILIES);
    byLine(budget, locale).draw(g2, new Rectangle(0, 0, WIDTH, LINES_HEIGHT));
    byMonth(budget, months, locale).draw(g2, new Rectangle(0, LINES_HEIGHT, WIDTH, MONTHS_HEIGHT));
    return g2;
  }

  private JFreeChart byLine(Budget budget, Locale locale) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    String budgeted = label(locale, "budget.chart.budgeted");
    String spent = label(locale, "budget.chart.spent");
    String evidenced = label(locale, "budget.chart.evidenced");
    for (Budget.Line line : budget.lines()) {
      data.addValue(line.budgeted(), budgeted, line.category());
      data.addValue(line.spent(), spent, line.category());
      data.addValue(line.evidenced(), evidenced, line.category());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            label(locale, "budget.chart.by-line", String.valueOf(budget.year())),
            null,
            label(locale, "budget.chart.yuan"),
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    theme().apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setItemMargin(0.05);
    bars.setSeriesPaint(0, BUDGETED);
    bars.setSeriesPaint(1, SPENT);
    bars.setSeriesPaint(2, EVIDENCED);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    if (budget.lines().isEmpty()) {
      plot.setNoDataMessage(label(locale, "budget.chart.empty"));
    }
    return chart;
  }

  private JFreeChart byMonth(Budget budget, List<MonthActual> months, Locale locale) {
    DefaultCategoryDataset spent = new DefaultCategoryDataset();
    DefaultCategoryDataset running = new DefaultCategoryDataset();
    String inMonth = label(locale, "budget.chart.spent-in-month");
    String cumulative = label(locale, "budget.chart.cumulative");
    String budgeted = label(locale, "budget.chart.budgeted");
    for (MonthActual month : months) {
      String name = label(locale, "budget.chart.month", month.month());
      spent.addValue(month.spent(), inMonth, name);
      running.addValue(month.cumulative(), cumulative, name);
      running.addValue(budget.budgeted(), budgeted, name);
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            label(locale, "budget.chart.by-month", String.valueOf(budget.year())),
            null,
            label(locale, "budget.chart.yuan"),
            spent,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    theme().apply(chart);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, SPENT);
    plot.setDataset(1, running);
    LineAndShapeRenderer lines = new LineAndShapeRenderer(true, false);
    lines.setSeriesPaint(0, EVIDENCED);
    lines.setSeriesStroke(0, new BasicStroke(2.5f));
    lines.setSeriesPaint(1, BUDGETED);
    lines.setSeriesStroke(
        1,
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    plot.setRenderer(1, lines);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    return chart;
  }

  private StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("budget");
    theme.setExtraLargeFont(new Font(fontName, Font.BOLD, 16));
    theme.setLargeFont(new Font(fontName, Font.BOLD, 13));
    theme.setRegularFont(new Font(fontName, Font.PLAIN, 12));
    theme.setSmallFont(new Font(fontName, Font.PLAIN, 10));
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    theme.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    return theme;
  }

  private String label(Locale locale, String key, Object... arguments) {
    return messages.get(locale, key, arguments);
  }

  /** A font that has Chinese glyphs, for measuring the labels (the browser draws them). */
  static String chineseFont() {
    Set<String> installed =
        Set.copyOf(
            Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
    for (String family :
        List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei")) {
      if (installed.contains(family)) {
        return family;
      }
    }
    return Font.SANS_SERIF;
  }
}
