package cn.shuangyong.ui;

import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * "Now" comes from the injected {@link Clock} (zone {@code ChinaTime.ZONE}) in the platform and the
 * UI, so a test that fixes the clock fixes every date; {@code now(clock)} is the only way.
 */
class OneClockTest {
  private final JavaClasses main =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .withImportOption(location -> !location.contains("-tests.jar")) // platform's test kit
          .importPackages("cn.shuangyong.ui", "cn.shuangyong.platform");

  @Test
  void noCodeReadsTheSystemClockItself() {
    noClasses()
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould(callNow(LocalDate.class))
        .orShould(callNow(LocalDateTime.class))
        .orShould(callNow(ZonedDateTime.class))
        .orShould(callNow(OffsetDateTime.class))
        .orShould(callNow(Year.class))
        .check(main);
  }

  /** {@code now()} and {@code now(ZoneId)} of a date type: the system clock, whatever the zone. */
  private static ArchCondition<JavaClass> callNow(Class<?> type) {
    return callMethod(type, "now").or(callMethod(type, "now", ZoneId.class));
  }
}
