package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.events.TenantEvents;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.sheets.CellValue;
import cn.shuangyong.platform.sheets.ExcelReader;
import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.sheets.ImportField;
import cn.shuangyong.platform.sheets.RowProblems;
import cn.shuangyong.platform.sheets.SheetRow;
import cn.shuangyong.platform.sheets.SheetRows;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.needs.api.NeedTypes.Action;
import cn.shuangyong.tenants.needs.api.NeedTypes.Direction;
import cn.shuangyong.tenants.needs.api.NeedTypes.Source;
import cn.shuangyong.tenants.needs.api.NeedTypes.Status;
import cn.shuangyong.tenants.needs.internal.GarrisonUnitNames;
import cn.shuangyong.tenants.needs.internal.NeedCategoryRepository;
import cn.shuangyong.tenants.needs.internal.NeedStore;
import cn.shuangyong.tenants.units.api.GarrisonUnit;
import cn.shuangyong.tenants.units.api.UnitService;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Imports a list of needs from the office's Excel template ({@link NeedSheet}). Every row is
 * checked first; one bad row means nothing is saved and every bad row is reported with its row
 * number and reason.
 */
@Singleton
public class NeedImport {
  public static final long MAX_BYTES = ExcelReader.MAX_BYTES;

  private final TenantScope scope;
  private final NeedStore store;
  private final NeedCategoryRepository categories;
  private final GarrisonUnitNames garrisonUnits;
  private final NeedService needs;
  private final UnitService units;
  private final ExcelReader reader;
  private final ExcelWriter writer;
  private final TenantAudit audit;
  private final TenantEvents events;
  private final Clock clock;

  public NeedImport(
      TenantScope scope,
      NeedStore store,
      NeedCategoryRepository categories,
      GarrisonUnitNames garrisonUnits,
      NeedService needs,
      UnitService units,
      ExcelReader reader,
      ExcelWriter writer,
      TenantAudit audit,
      TenantEvents events,
      Clock clock) {
    this.scope = scope;
    this.store = store;
    this.categories = categories;
    this.garrisonUnits = garrisonUnits;
    this.needs = needs;
    this.units = units;
    this.reader = reader;
    this.writer = writer;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The template in the caller's language: the header row and one example row, with a category and
   * a garrison unit of the tenant itself, so that the example imports as it stands.
   */
  public byte[] template(TenantContext context, Locale locale) {
    LocalDate today = needs.today();
    String category = needs.categories(context).stream().findFirst().orElse("");
    String garrisonUnit =
        units.listGarrisonUnits(context, null).stream()
            .map(GarrisonUnit::name)
            .findFirst()
            .orElse("");
    Map<ImportField<?>, CellValue> example =
        Map.of(
            NeedSheet.DIRECTION, CellValue.choice("needs.direction", Direction.FOR_TROOPS),
            NeedSheet.TITLE, CellValue.label("needs.import.example.title"),
            NeedSheet.CATEGORY, CellValue.text(category),
            NeedSheet.GARRISON_UNIT, CellValue.text(garrisonUnit),
            NeedSheet.DESCRIPTION, CellValue.label("needs.import.example.content"),
            NeedSheet.EXPECTED_BY, CellValue.day(today.plusMonths(6)),
            NeedSheet.SOURCE, CellValue.choice("needs.source", Source.COLLECTED),
            NeedSheet.YEAR, CellValue.whole(today.getYear()));
    return writer.template(NeedSheet.DEFINITION, example, locale);
  }

  /** How many needs were imported. */
  public int importList(TenantContext context, InputStream file, long size) {
    CurrentUser user = context.caller();
    if (!user.hasAny(Role.CITY_ADMIN, Role.CITY_STAFF)) {
      throw ProblemException.forbidden();
    }
    SheetRows rows = reader.read(NeedSheet.DEFINITION, file, size);
    LocalDate today = needs.today();
    int imported =
        scope.write(
            context,
            () -> {
              Map<String, Long> categoryIds =
                  byName(categories.active(), c -> c.name(), c -> c.id());
              Map<String, Long> garrisonUnitIds =
                  byName(garrisonUnits.findAll(), g -> g.name(), g -> g.id());
              Instant now = clock.instant();
              List<NeedStore.NewNeed> valid =
                  rows.mapAllOrNone(
                      (row, problems) ->
                          draft(row, problems, categoryIds, garrisonUnitIds, today, now, user));
              for (NeedStore.NewNeed need : valid) {
                long id = store.insert(need);
                store.addEvent(
                    id,
                    new NeedEvent(
                        now,
                        user.username(),
                        Action.SUBMIT,
                        null,
                        Status.SUBMITTED,
                        null,
                        "Excel 导入"));
                events.publish(context, new NeedSubmitted(context.code(), id, need.direction()));
              }
              audit.record(context, "NEED_IMPORT", valid.size() + " rows", null);
              return valid.size();
            });
    return imported;
  }

  /** A row's need, with what its cells cannot say alone: names known, dates not past. */
  private static NeedStore.NewNeed draft(
      SheetRow row,
      RowProblems problems,
      Map<String, Long> categories,
      Map<String, Long> garrisonUnits,
      LocalDate today,
      Instant now,
      CurrentUser user) {
    Direction direction = row.value(NeedSheet.DIRECTION);
    Long category = known(row, NeedSheet.CATEGORY, categories, problems, "need.import.category");
    Long garrisonUnit =
        known(row, NeedSheet.GARRISON_UNIT, garrisonUnits, problems, "need.import.garrison-unit");
    if (direction == Direction.FOR_TROOPS && row.blank(NeedSheet.GARRISON_UNIT)) {
      problems.add(NeedSheet.GARRISON_UNIT, "need.import.garrison-unit-required");
    }
    LocalDate expectedBy = row.value(NeedSheet.EXPECTED_BY);
    if (expectedBy != null && expectedBy.isBefore(today)) {
      problems.add(NeedSheet.EXPECTED_BY, "need.import.date-past");
    }
    Source source = row.value(NeedSheet.SOURCE);
    Integer year = row.value(NeedSheet.YEAR);
    return new NeedStore.NewNeed(
        year == null ? today.getYear() : year,
        direction,
        row.value(NeedSheet.TITLE),
        row.value(NeedSheet.DESCRIPTION),
        category == null ? 0 : category,
        garrisonUnit,
        source == null ? Source.COLLECTED : source,
        expectedBy,
        false,
        now,
        user.username());
  }

  /** The id of a name the tenant knows, case-insensitive; a problem when it knows no such name. */
  private static Long known(
      SheetRow row,
      ImportField<String> field,
      Map<String, Long> ids,
      RowProblems problems,
      String unknownKey) {
    String name = row.value(field);
    if (name == null) {
      return null;
    }
    Long id = ids.get(name.toLowerCase(Locale.ROOT));
    if (id == null) {
      problems.add(field, unknownKey, name);
    }
    return id;
  }

  private static <T> Map<String, Long> byName(
      List<T> rows, Function<T, String> name, Function<T, Long> id) {
    Map<String, Long> byName = new HashMap<>();
    for (T row : rows) {
      byName.put(name.apply(row).toLowerCase(Locale.ROOT), id.apply(row));
    }
    return byName;
  }
}
