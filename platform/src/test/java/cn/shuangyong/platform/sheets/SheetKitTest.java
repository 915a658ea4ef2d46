package cn.shuangyong.platform.sheets;

import static cn.shuangyong.platform.sheets.CellValue.choice;
import static cn.shuangyong.platform.sheets.CellValue.day;
import static cn.shuangyong.platform.sheets.CellValue.money;
import static cn.shuangyong.platform.sheets.CellValue.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shuangyong.platform.web.Messages;
import cn.shuangyong.platform.web.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The sheet kit without a database: one definition, its export, template, import and print. */
class SheetKitTest {
  enum Kind {
    GRANT,
    LOAN
  }

  record Payment(String payee, Kind kind, LocalDate paidOn, BigDecimal amount, int count) {}

  static final ImportField<String> PAYEE =
      ImportField.required("payee", CellParsers.text(20), "bad.payee");
  static final ImportField<Kind> KIND =
      ImportField.required("kind", CellParsers.choice(Kind.class, "kind"), "bad.kind");
  static final ImportField<LocalDate> PAID_ON =
      ImportField.optional("paidOn", CellParsers.date(), "bad.date");
  static final ImportField<BigDecimal> AMOUNT =
      ImportField.required("amount", CellParsers.money(), "bad.amount");
  static final SheetDefinition<Payment> PAYMENTS =
      SheetDefinition.<Payment>builder("sheet.payments")
          .rowNumber("col.no")
          .exportedAndImported("col.payee", 20, p -> text(p.payee()), PAYEE)
          .exportedAndImported("col.kind", 10, p -> choice("kind", p.kind()), KIND)
          .exportedAndImported("col.paid-on", 12, p -> day(p.paidOn()), PAID_ON)
          .exportedAndImported("col.amount", 16, p -> money(p.amount()), AMOUNT)
          .exported("col.count", 8, p -> CellValue.whole(p.count()))
          .build();

  private static final Map<String, String> CHINESE_TEXTS =
      Map.of(
          "col.no",
          "序号",
          "col.payee",
          "收款人",
          "col.kind",
          "类别",
          "col.paid-on",
          "日期",
          "col.amount",
          "金额",
          "col.count",
          "笔数",
          "kind.GRANT",
          "补助",
          "kind.LOAN",
          "借款",
          "sheet.payments",
          "支出",
          "bad.kind",
          "第 {0} 行：类别“{1}”");
  private static final Map<String, String> ENGLISH_TEXTS =
      Map.of(
          "col.no",
          "No.",
          "col.payee",
          "Payee",
          "col.kind",
          "Kind",
          "col.paid-on",
          "Paid on",
          "col.amount",
          "Amount",
          "col.count",
          "Count",
          "kind.GRANT",
          "Grant",
          "kind.LOAN",
          "Loan",
          "sheet.payments",
          "Payments");

  private final SheetLabels labels = new SheetLabels(new Dictionary());
  private final ExcelWriter writer = new ExcelWriter(labels);
  private final ExcelReader reader = new ExcelReader(labels);
  private final SheetPrinter printer = new SheetPrinter(labels);
  private final Payment payment =
      new Payment(
          "=HYPERLINK(\"x\")",
          Kind.GRANT,
          LocalDate.of(2026, 3, 1),
          new BigDecimal("12345678901.23"),
          3);

  @Test
  void theExportHasBoldFrozenLabelledHeadersAndTypedCells() throws Exception {
    try (XSSFWorkbook workbook = open(writer.write(PAYMENTS, sections(), Messages.CHINESE))) {
      Sheet sheet = workbook.getSheet("2026 支出");
      assertThat(texts(sheet.getRow(0))).containsExactly("序号", "收款人", "类别", "日期", "金额", "笔数");
      assertThat(
              workbook
                  .getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                  .getBold())
          .isTrue();
      assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      assertThat(sheet.getColumnWidth(1)).isEqualTo(20 * 256);
      Row row = sheet.getRow(1);
      assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(1);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"x\")");
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo("补助");
      assertThat(DateUtil.isCellDateFormatted(row.getCell(3))).isTrue();
      assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate())
          .isEqualTo(LocalDate.of(2026, 3, 1));
      Cell amount = row.getCell(4);
      assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(((XSSFCell) amount).getCTCell().getV()).isEqualTo("12345678901.23");
      assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("0.00");
      assertThat(row.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
    }
    try (XSSFWorkbook english = open(writer.write(PAYMENTS, sections(), Locale.ENGLISH))) {
      Sheet sheet = english.getSheet("2026 Payments");
      assertThat(texts(sheet.getRow(0)))
          .containsExactly("No.", "Payee", "Kind", "Paid on", "Amount", "Count");
      assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Grant");
    }
  }

  @Test
  void thePrintableSheetHasTheExportsColumnsAndLabels() {
    PrintableSheet printed = printer.print(PAYMENTS, sections(), Messages.CHINESE);
    assertThat(printed.headers()).containsExactly("序号", "收款人", "类别", "日期", "金额", "笔数");
    // short values stay on one line in print (a date is never cut into 2026-03-/01), text wraps
    assertThat(printed.keptOnOneLine(3)).as("the date").isTrue();
    assertThat(printed.keptOnOneLine(1)).as("the payee").isFalse();
    assertThat(printed.sections())
        .singleElement()
        .satisfies(
            section -> {
              assertThat(section.title()).isEqualTo("2026 支出");
              assertThat(section.rows())
                  .containsExactly(
                      List.of("1", "=HYPERLINK(\"x\")", "补助", "2026-03-01", "12345678901.23", "3"));
            });
  }

  @Test
  void theTemplateRoundTripsInEitherLanguage() throws Exception {
    Map<ImportField<?>, CellValue> example =
        Map.of(
            PAYEE, text("平湖市民政局"),
            KIND, choice("kind", Kind.LOAN),
            PAID_ON, day(LocalDate.of(2026, 5, 4)),
            AMOUNT, money(new BigDecimal("0.10")));
    for (Locale locale : Messages.SUPPORTED) {
      byte[] template = writer.template(PAYMENTS, example, locale);
      try (XSSFWorkbook workbook = open(template)) {
        assertThat(texts(workbook.getSheetAt(0).getRow(0))).hasSize(4);
      }
      SheetRow row =
          reader.read(PAYMENTS, new ByteArrayInputStream(template), template.length).rows().get(0);
      assertThat(row.errors()).isEmpty();
      assertThat(row.value(PAYEE)).isEqualTo("平湖市民政局");
      assertThat(row.value(KIND)).isEqualTo(Kind.LOAN);
      assertThat(row.value(PAID_ON)).isEqualTo(LocalDate.of(2026, 5, 4));
      assertThat(row.value(AMOUNT)).isEqualTo(new BigDecimal("0.10"));
    }
  }

  @Test
  void everyBadRowIsReportedWithItsNumberAndNothingIsMapped() throws Exception {
    byte[] file =
        workbook(
            List.of("平湖", "Grant", "2026-01-02", "10"),
            List.of("", "补助", "", "10"),
            List.of("平湖", "GRANT", "2026-01-02", "1.5"),
            List.of("平湖", "礼物", "", "10"),
            List.of("平湖", "loan", "+100000000-01-01", "-1"));
    SheetRows rows = reader.read(PAYMENTS, new ByteArrayInputStream(file), file.length);
    assertThat(rows.rows()).extracting(SheetRow::number).containsExactly(2, 3, 4, 5, 6);
    assertThatThrownBy(
            () ->
                rows.mapAllOrNone(
                    (row, problems) -> {
                      BigDecimal amount = row.value(AMOUNT);
                      if (amount != null && amount.compareTo(new BigDecimal("1.5")) == 0) {
                        problems.add(AMOUNT, "too.small", "1.5");
                      }
                      return row;
                    }))
        .isInstanceOfSatisfying(
            ValidationException.class,
            refused -> {
              assertThat(refused.errors())
                  .extracting(ValidationException.FieldError::field)
                  .containsExactly(
                      "rows[3].payee",
                      "rows[4].amount",
                      "rows[5].kind",
                      "rows[6].paidOn",
                      "rows[6].amount");
              assertThat(refused.errors().get(2).arguments()).containsExactly(5, "礼物");
              assertThat(refused.errors().get(1).arguments()).containsExactly(4, "1.5");
            });
  }

  @Test
  void checkingTellsItsProgressAboutEveryHundredthOfTheRowsAndTheLast() throws Exception {
    List<List<String>> lines = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      lines.add(List.of("平湖", "GRANT", "2026-01-02", String.valueOf(i + 1)));
    }
    byte[] file = workbook(lines.toArray(List[]::new));
    SheetRows rows = reader.read(PAYMENTS, new ByteArrayInputStream(file), file.length);
    List<int[]> reports = new ArrayList<>();
    List<Payment> mapped =
        rows.mapAllOrNone(
            (row, problems) ->
                new Payment(row.value(PAYEE), row.value(KIND), null, row.value(AMOUNT), 1),
            (stage, done, total) -> {
              assertThat(stage).isEqualTo(ImportProgress.Stage.CHECKING);
              reports.add(new int[] {done, total});
            });
    assertThat(mapped).hasSize(450);
    assertThat(reports).allSatisfy(report -> assertThat(report[1]).isEqualTo(450));
    assertThat(reports)
        .extracting(report -> report[0])
        .isSorted()
        .startsWith(0, 4, 8)
        .endsWith(448, 450);
    assertThat(reports).hasSize(1 + 450 / 4 + 1);
  }

  @Test
  void aFileThatIsNoWorkbookOrHasNoRowsIsRefusedWhole() throws Exception {
    byte[] garbage = "no workbook".getBytes();
    assertThatThrownBy(() -> reader.read(PAYMENTS, new ByteArrayInputStream(garbage), 11))
        .isInstanceOfSatisfying(
            ValidationException.class,
            refused -> {
              assertThat(refused.isMalformed()).isTrue();
              assertThat(refused.errors().get(0).messageKey()).isEqualTo("sheet.unreadable");
            });
    byte[] empty = workbook();
    assertThatThrownBy(() -> reader.read(PAYMENTS, new ByteArrayInputStream(empty), empty.length))
        .isInstanceOfSatisfying(
            ValidationException.class,
            refused -> assertThat(refused.errors().get(0).messageKey()).isEqualTo("sheet.empty"));
  }

  private List<SheetSection<Payment>> sections() {
    return List.of(
        new SheetSection<>(CellValue.label("sheet.payments.of", "2026"), List.of(payment)));
  }

  @SafeVarargs
  private static byte[] workbook(List<String>... rows) throws Exception {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("x");
      sheet.createRow(0).createCell(0).setCellValue("header");
      for (int r = 0; r < rows.length; r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows[r].size(); c++) {
          row.createCell(c).setCellValue(rows[r].get(c));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static XSSFWorkbook open(byte[] bytes) throws Exception {
    return new XSSFWorkbook(new ByteArrayInputStream(bytes));
  }

  private static List<String> texts(Row row) {
    return java.util.stream.IntStream.range(0, row.getLastCellNum())
        .mapToObj(i -> row.getCell(i).getStringCellValue())
        .toList();
  }

  /** The bundles of a test: a fixed dictionary per language. */
  private static final class Dictionary extends Messages {
    @Override
    public String get(Locale locale, String key, Object... arguments) {
      Map<String, String> texts =
          Messages.supported(locale) == Locale.ENGLISH ? ENGLISH_TEXTS : CHINESE_TEXTS;
      String pattern =
          key.equals("sheet.payments.of")
              ? "{0} " + texts.get("sheet.payments")
              : texts.getOrDefault(key, key);
      return new MessageFormat(pattern, locale).format(arguments);
    }
  }
}
