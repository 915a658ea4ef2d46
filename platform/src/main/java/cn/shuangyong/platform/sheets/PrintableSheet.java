package cn.shuangyong.platform.sheets;

import java.util.List;

/**
 * A list ready to print: the header labels, each column's width (in characters, the export's), and,
 * per section, its title and rows of cell texts, all in the reader's language. A view renders it as
 * tables; nothing here is HTML yet.
 */
public record PrintableSheet(List<String> headers, List<Integer> widths, List<Section> sections) {
  /** Columns this narrow hold short values (numbers, dates, statuses) that must not wrap. */
  public static final int NARROW = 16;

  public PrintableSheet {
    headers = List.copyOf(headers);
    widths = List.copyOf(widths);
    sections = List.copyOf(sections);
    if (widths.size() != headers.size()) {
      throw new IllegalArgumentException("one width per header");
    }
  }

  /** Whether a column's cells are kept on one line (a date is not cut into 2026-12-/21). */
  public boolean keptOnOneLine(int column) {
    return widths.get(column) <= NARROW;
  }

  public record Section(String title, List<List<String>> rows) {
    public Section {
      rows = rows.stream().map(List::copyOf).toList();
    }
  }
}
