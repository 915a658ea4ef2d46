package cn.shuangyong.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The states an audit event keeps: a documented envelope in the sealed detail, read back as before
 * and after, bookkeeping and nested objects left out, and personal data masked before it is written
 * (the trail is append-only: what enters it in clear stays there).
 */
class AuditChangesTest {
  private final AuditChanges changes = new AuditChanges(JsonMapper.createDefault());

  private static Map<String, Object> unit(String name, String phone) {
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("id", 7);
    unit.put("name", name);
    unit.put("contactPhone", phone);
    unit.put("updatedAt", "2026-12-02T01:00:00Z");
    unit.put("version", 3);
    unit.put("history", List.of(Map.of("at", "x")));
    unit.put("roles", List.of("CITY_ADMIN"));
    unit.put("note", null);
    return unit;
  }

  @Test
  void aChangeIsWrittenAsItsEnvelopeAndReadBack() {
    String detail = changes.detail(unit("旧名", "13812345678"), unit("新名", "13812345678"), "因为");
    assertThat(detail).startsWith("{\"before\":").doesNotContain("13812345678", "updatedAt");
    AuditChanges.Change change = changes.read(detail).orElseThrow();
    assertThat(change.before())
        .containsEntry("name", "旧名")
        .containsEntry("contactPhone", "138****5678")
        .containsEntry("roles", List.of("CITY_ADMIN"))
        .doesNotContainKeys("updatedAt", "version", "history", "note");
    assertThat(change.after()).containsEntry("name", "新名");
    assertThat(change.note()).isEqualTo("因为");
  }

  @Test
  void otherDetailsAreNoChange() {
    assertThat(changes.read(null)).isEmpty();
    assertThat(changes.read("3 events")).isEmpty();
    assertThat(changes.read("{\"caller\":\"pinghu\"}")).isEmpty();
    assertThat(changes.read("{not json")).isEmpty();
    assertThat(changes.detail(null, null)).isNull();
    assertThat(changes.detail(null, null, "电话 13812345678")).isEqualTo("电话 138****5678");
  }

  @Test
  void theFieldsSideBySideMarkWhatChanged() {
    List<AuditChanges.Field> fields =
        AuditChanges.fields(
            Map.of("name", "旧名", "branch", "ARMY"), Map.of("name", "新名", "branch", "ARMY"));
    assertThat(fields)
        .extracting(AuditChanges.Field::name, AuditChanges.Field::changed)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("name", true),
            org.assertj.core.groups.Tuple.tuple("branch", false));
    assertThat(AuditChanges.fields(null, Map.of("name", "新")))
        .allMatch(AuditChanges.Field::changed);
    assertThat(AuditChanges.fields(null, null)).isEmpty();
  }

  @Test
  void personalDataIsMaskedByNameAndWhereverItAppears() {
    assertThat(AuditMask.field("phone", "138 1234 5678")).isEqualTo("138****5678");
    assertThat(AuditMask.field("email", "zhang.san@example.cn")).isEqualTo("z***@example.cn");
    assertThat(AuditMask.field("idNumber", "33048219900101123X")).isEqualTo("330482********123X");
    assertThat(AuditMask.field("title", "请联系 13812345678 或 li@example.cn，证件 330482199001011234"))
        .isEqualTo("请联系 138****5678 或 l***@example.cn，证件 330482********1234");
    assertThat(AuditMask.field("budget", 12)).isEqualTo(12);
    // masking twice changes nothing
    for (String masked : List.of("138****5678", "z***@example.cn", "330482********1234")) {
      assertThat(AuditMask.text(masked)).isEqualTo(masked);
    }
    assertThat(AuditMask.field("phone", "138****5678")).isEqualTo("138****5678");
  }
}
