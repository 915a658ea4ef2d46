package cn.shuangyong.platform.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The import reads a date in every form the UI's date fields take, and nothing else. */
class CellParsersTest {

  @Test
  void readsIsoAndTheChineseForms() {
    for (String text :
        List.of("2026-12-20", "2026/12/20", "2026.12.20", "2026年12月20日", " 2026-12-20 ")) {
      assertThat(parse(text)).as(text).contains(LocalDate.of(2026, 12, 20));
    }
  }

  @Test
  void leadingZerosAreOptional() {
    for (String text : List.of("2026-3-5", "2026/3/5", "2026.03.05", "2026年3月5日", "2026年03月05日")) {
      assertThat(parse(text)).as(text).contains(LocalDate.of(2026, 3, 5));
    }
  }

  @Test
  void refusesWhatIsNoPlausibleDate() {
    for (String text :
        List.of(
            "2026-02-30",
            "2026-13-01",
            "2026/12-20",
            "20261220",
            "26-12-20",
            "2026年12月20",
            "1999-12-31",
            "2101-01-01",
            "+102026-12-20",
            "２０２６-12-20",
            "12/20/2026",
            "")) {
      assertThat(parse(text)).as(text).isEmpty();
    }
  }

  private static Optional<LocalDate> parse(String text) {
    return CellParsers.date().parse(text, null);
  }
}
