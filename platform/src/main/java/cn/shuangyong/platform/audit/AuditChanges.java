package cn.shuangyong.platform.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The state before and after a change, as an audit event carries it. Stored in the event's sealed
 * {@code detail} as one JSON object, {@code {"before": {...}, "after": {...}, "note": "..."}} (each
 * member optional, at least one of before and after present), so the keyed seal covers it like
 * every other field and a tenant's outbox needs no column of its own; the API answers the two
 * states as the event's {@code before} and {@code after} and the note as its {@code detail}. A
 * state is the changed record's own fields as its API shows them: bookkeeping ({@code createdAt},
 * {@code updatedBy}, {@code version}, ...), nulls and nested objects (a timeline) are left out, and
 * personal data (phones, ID numbers, e-mail addresses) is masked ({@link AuditMask}) before it is
 * written.
 */
@Singleton
public class AuditChanges {
  private static final Set<String> BOOKKEEPING =
      Set.of("createdAt", "createdBy", "updatedAt", "updatedBy", "version", "lastLoginAt");
  private static final Set<String> MEMBERS = Set.of("before", "after", "note");
  private static final Argument<Map<String, Object>> MAP =
      Argument.mapOf(String.class, Object.class);

  private final JsonMapper json;

  AuditChanges(JsonMapper json) {
    this.json = json;
  }

  /** The two states and the writer's note, as read back from an event. */
  public record Change(
      @Nullable Map<String, Object> before,
      @Nullable Map<String, Object> after,
      @Nullable String note) {}

  /** One field of a change: its value before and after, and whether the change touched it. */
  public record Field(
      String name, @Nullable Object before, @Nullable Object after, boolean changed) {}

  /**
   * The fields of the two states side by side, in the order the record names them (a field only one
   * state has comes where that state has it); a field is changed when its values differ, so a
   * creation or a deletion changes every field it names.
   */
  public static List<Field> fields(
      @Nullable Map<String, Object> before, @Nullable Map<String, Object> after) {
    Map<String, Object> old = before == null ? Map.of() : before;
    Map<String, Object> now = after == null ? Map.of() : after;
    Set<String> names = new LinkedHashSet<>(old.keySet());
    names.addAll(now.keySet());
    List<Field> fields = new ArrayList<>();
    for (String name : names) {
      Object was = old.get(name);
      Object is = now.get(name);
      fields.add(new Field(name, was, is, !Objects.equals(was, is)));
    }
    return fields;
  }

  /**
   * The detail of a change from {@code before} to {@code after} (either null for a creation or a
   * deletion), each a serialisable record or a map of fields; null when both are null and there is
   * no note.
   */
  public @Nullable String detail(
      @Nullable Object before, @Nullable Object after, @Nullable String note) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    putIfPresent(envelope, "before", state(before));
    putIfPresent(envelope, "after", state(after));
    if (envelope.isEmpty()) {
      return note == null ? null : AuditMask.text(note);
    }
    putIfPresent(envelope, "note", note == null ? null : AuditMask.text(note));
    try {
      return json.writeValueAsString(envelope);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The detail of a change without a note. */
  public @Nullable String detail(@Nullable Object before, @Nullable Object after) {
    return detail(before, after, null);
  }

  /**
   * The change a stored detail holds, or empty for a detail of another shape (free text, a count,
   * an event written before states were kept).
   */
  public Optional<Change> read(@Nullable String detail) {
    if (detail == null || !detail.startsWith("{") || !detail.contains("\"")) {
      return Optional.empty();
    }
    Map<String, Object> envelope;
    try {
      envelope = json.readValue(detail, MAP);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (envelope == null
        || !MEMBERS.containsAll(envelope.keySet())
        || !(envelope.containsKey("before") || envelope.containsKey("after"))) {
      return Optional.empty();
    }
    return Optional.of(
        new Change(
            asMap(envelope.get("before")),
            asMap(envelope.get("after")),
            envelope.get("note") instanceof String note ? note : null));
  }

  /** The fields of a record or map that a state keeps, masked; null for null. */
  @Nullable
  Map<String, Object> state(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    Map<String, Object> fields;
    if (value instanceof Map<?, ?> map) {
      fields = new LinkedHashMap<>();
      map.forEach((key, field) -> fields.put(String.valueOf(key), field));
    } else {
      try {
        fields = json.readValue(json.writeValueAsBytes(value), MAP);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    fields.forEach(
        (key, field) -> {
          if (!BOOKKEEPING.contains(key) && isPlain(field)) {
            kept.put(key, AuditMask.field(key, field));
          }
        });
    return kept;
  }

  private static boolean isPlain(@Nullable Object field) {
    if (field instanceof List<?> list) {
      return list.stream().allMatch(item -> item != null && isScalar(item));
    }
    return field != null && isScalar(field);
  }

  private static boolean isScalar(Object value) {
    return value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Enum<?>;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable Map<String, Object> asMap(@Nullable Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
  }

  private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
