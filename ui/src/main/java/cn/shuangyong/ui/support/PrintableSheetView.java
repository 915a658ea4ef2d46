package cn.shuangyong.ui.support;

import cn.shuangyong.platform.sheets.PrintableSheet;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * Renders a list's {@link PrintableSheet} for the browser's print dialog, as a document the office
 * signs: one titled table per section with the export's columns and labels, each section on pages
 * of its own (A4 landscape, the header row repeated, no row cut across a page break), short values
 * (numbers, dates, statuses) never wrapped mid-word, and each section closed by the issuing office,
 * a place for its seal and the date. Every text is escaped before it becomes HTML.
 */
public class PrintableSheetView extends Div {
  private static final String STYLE =
      "@page { size: A4 landscape; margin: 12mm }"
          + " @media print { .no-print { display: none } }"
          + " .printable-sheet { font-family: sans-serif; padding: 1em }"
          + " .printable-sheet section + section { break-before: page }"
          + " .printable-sheet h2 { text-align: center; break-after: avoid }"
          + " .printable-sheet h3 { break-after: avoid; margin: 1em 0 0.5em }"
          + " .printable-sheet .kept-whole { break-inside: avoid }"
          + " .printable-sheet table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em }"
          + " .printable-sheet thead { display: table-header-group }"
          + " .printable-sheet tr { break-inside: avoid }"
          + " .printable-sheet th, .printable-sheet td { border: 1px solid #888; padding: 4px 6px;"
          + " font-size: 12px; vertical-align: top; overflow-wrap: anywhere }"
          + " .printable-sheet .one-line { white-space: nowrap; overflow-wrap: normal }"
          + " .printable-sheet .issued { text-align: right; line-height: 2; break-inside: avoid;"
          + " margin-right: 3em }";

  /** Who issues the printed lists and when, written under each of them. */
  public record Issued(String office, String seal, String date) {}

  /**
   * {@code heading} goes before each section's title (e.g. the city's name), may be empty; {@code
   * issued} closes each section.
   */
  public PrintableSheetView(PrintableSheet sheet, String heading, Issued issued) {
    addClassName("printable-sheet");
    Element style = new Element("style");
    style.setText(STYLE);
    getElement().appendChild(style);
    String prefix = heading.isEmpty() ? "" : heading + " ";
    for (PrintableSheet.Section section : sheet.sections()) {
      Element part = new Element("section");
      part.appendChild(new H2(prefix + section.title()).getElement());
      part.appendChild(table(sheet, section.rows()).getElement());
      part.appendChild(issued(issued).getElement());
      getElement().appendChild(part);
    }
  }

  /**
   * A report as one document: {@code title} once (after {@code heading}), then every section of
   * every part as a table under its own title (unless it repeats the document's), the later parts'
   * short tables (totals) never cut across a page, and the issuing office, seal and date once at
   * the end.
   */
  public static PrintableSheetView report(
      String heading, String title, List<PrintableSheet> parts, Issued issued) {
    return new PrintableSheetView(heading, title, parts, issued);
  }

  private PrintableSheetView(
      String heading, String title, List<PrintableSheet> parts, Issued issued) {
    addClassName("printable-sheet");
    Element style = new Element("style");
    style.setText(STYLE);
    getElement().appendChild(style);
    Element document = new Element("section");
    document.appendChild(new H2(heading.isEmpty() ? title : heading + " " + title).getElement());
    boolean first = true;
    for (PrintableSheet sheet : parts) {
      for (PrintableSheet.Section section : sheet.sections()) {
        Div part = new Div();
        if (!first) {
          part.addClassName("kept-whole");
        }
        if (!section.title().equals(title)) {
          part.add(new H3(section.title()));
        }
        part.add(table(sheet, section.rows()));
        document.appendChild(part.getElement());
      }
      first = false;
    }
    document.appendChild(issued(issued).getElement());
    getElement().appendChild(document);
  }

  private static Html table(PrintableSheet sheet, List<List<String>> rows) {
    StringBuilder html = new StringBuilder("<table><thead><tr>");
    for (int column = 0; column < sheet.headers().size(); column++) {
      html.append(cell("th", sheet, column, sheet.headers().get(column)));
    }
    html.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      html.append("<tr>");
      for (int column = 0; column < row.size(); column++) {
        html.append(cell("td", sheet, column, row.get(column)));
      }
      html.append("</tr>");
    }
    return new Html(html.append("</tbody></table>").toString());
  }

  private static String cell(String tag, PrintableSheet sheet, int column, String text) {
    String kept = sheet.keptOnOneLine(column) ? " class=\"one-line\"" : "";
    return "<" + tag + kept + ">" + escape(text) + "</" + tag + ">";
  }

  private static Div issued(Issued issued) {
    Div block = new Div();
    block.addClassName("issued");
    block.add(new Div(issued.office() + issued.seal()), new Div(issued.date()));
    return block;
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
