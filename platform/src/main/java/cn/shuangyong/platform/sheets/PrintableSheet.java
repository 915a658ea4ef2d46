package cn.shuangyong.platform.sheets;

import java.util.List;

/**
 * A list ready to print: the header labels and, per section, its title and rows of cell texts, all
 * in the reader's language. A view renders it as tables; nothing here is HTML yet.
 */
public record PrintableSheet(List<String> headers, List<Section> sections) {
  public PrintableSheet {
    headers = List.copyOf(headers);
    sections = List.copyOf(sections);
  }

  public record Section(String title, List<List<String>> rows) {
    public Section {
      rows = rows.stream().map(List::copyOf).toList();
    }
  }
}
