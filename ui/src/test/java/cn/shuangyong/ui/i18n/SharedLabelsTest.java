package cn.shuangyong.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.sheets.SheetLabels;
import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.tenants.needs.api.NeedSheet;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * One key is one text on screen, in the export and in print: the screens translate through the same
 * bundles the sheets read, and no key is defined in two bundles (which would let the screen and the
 * export disagree again).
 */
class SharedLabelsTest {
  private final Messages messages = new Messages();
  private final UiI18NProvider screen = new UiI18NProvider(messages);
  private final ExcelWriter excel = new ExcelWriter(new SheetLabels(messages));

  @Test
  void theTemplatesAndExportsHeadersAreTheScreensTexts() throws Exception {
    for (Locale locale : Messages.SUPPORTED) {
      List<String> header = header(excel.write(NeedSheet.DEFINITION, List.of(), locale));
      assertThat(header)
          .isEqualTo(
              NeedSheet.DEFINITION.exportColumns().stream()
                  .map(column -> screen.getTranslation(column.labelKey(), locale))
                  .toList())
          .doesNotContain("needs.number", "needs.content", "needs.quality");
      assertThat(screen.getTranslation("needs.status.CLOSED", locale))
          .isEqualTo(locale == Locale.ENGLISH ? "Closed" : "已销号");
    }
  }

  @Test
  void noKeyIsDefinedInTwoBundles() throws Exception {
    for (String suffix : List.of("", "_en")) {
      Set<String> seen = new HashSet<>();
      List<String> twice = new ArrayList<>();
      for (String bundle : List.of("platform", "tenants", "ui")) {
        for (String key : keys("i18n/" + bundle + suffix + ".properties")) {
          if (!seen.add(key)) {
            twice.add(bundle + suffix + ": " + key);
          }
        }
      }
      assertThat(twice).isEmpty();
    }
  }

  private static Set<String> keys(String resource) throws Exception {
    Properties properties = new Properties();
    try (InputStream in = SharedLabelsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(in);
    }
    return properties.stringPropertyNames();
  }

  private static List<String> header(byte[] workbook) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
      List<String> texts = new ArrayList<>();
      book.getSheetAt(0).getRow(0).forEach(cell -> texts.add(cell.getStringCellValue()));
      return texts;
    }
  }
}
