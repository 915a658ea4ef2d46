package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.users.Person;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A milestone of a project: due by {@code dueDate}, completed when {@code completedAt} is set.
 * {@code overdue} is computed: the due date is past and it is not completed.
 */
@Serdeable
public record Milestone(
    long id,
    String title,
    LocalDate dueDate,
    @Nullable Instant completedAt,
    @Nullable String completedBy,
    @Nullable Person completedByPerson,
    boolean overdue) {

  public boolean completed() {
    return completedAt != null;
  }

  public Milestone withCompleter(@Nullable Person person) {
    return new Milestone(id, title, dueDate, completedAt, completedBy, person, overdue);
  }
}
