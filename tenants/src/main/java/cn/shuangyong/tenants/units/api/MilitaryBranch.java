package cn.shuangyong.tenants.units.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/**
 * 军种/兵种: a row of the tenant's {@code military_branch} table. The structure of the armed forces
 * changes (the 战略支援部队 was dissolved in April 2024), so branches are data: an inactive one is kept
 * for history and never offered or accepted for a unit.
 */
@Serdeable
public record MilitaryBranch(
    String code, String nameZh, String nameEn, int displayOrder, boolean active) {

  /** The name in the reader's language: Chinese unless the locale is another language. */
  public String name(Locale locale) {
    return locale == null || "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
  }
}
