package cn.shuangyong.ui.support;

import cn.shuangyong.platform.sheets.PrintableSheet;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * Renders a list's {@link PrintableSheet} for the browser's print dialog: one titled table per
 * section with the export's columns and labels. Every text is escaped before it becomes HTML.
 */
public class PrintableSheetView extends Div {
  private static final String STYLE =
      "@media print { .no-print { display: none } }"
          + " .printable-sheet { font-family: sans-serif; padding: 1em }"
          + " .printable-sheet table { border-collapse: collapse; width: 100%; margin-bottom: 2em }"
          + " .printable-sheet th, .printable-sheet td { border: 1px solid #888; padding: 4px 6px;"
          + " font-size: 12px; vertical-align: top }";

  /** {@code heading} goes before each section's title (e.g. the city's name), may be empty. */
  public PrintableSheetView(PrintableSheet sheet, String heading) {
    addClassName("printable-sheet");
    Element style = new Element("style");
    style.setText(STYLE);
    getElement().appendChild(style);
    String prefix = heading.isEmpty() ? "" : heading + " ";
    for (PrintableSheet.Section section : sheet.sections()) {
      add(new H2(prefix + section.title()));
      add(table(sheet.headers(), section.rows()));
    }
  }

  private static Html table(List<String> headers, List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table><thead><tr>");
    headers.forEach(header -> html.append("<th>").append(escape(header)).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
      html.append("</tr>");
    }
    return new Html(html.append("</tbody></table>").toString());
  }

  /** Everything shown comes from users: escaped before it becomes HTML. */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
