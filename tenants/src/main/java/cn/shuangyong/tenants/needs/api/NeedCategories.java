package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.database.Jdbc;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The tenant's own list of need categories (seeded with 营区建设, 官兵出行, …). The city admin adds,
 * renames, reorders and retires them; a retired category stays on the needs that carry it.
 */
@Singleton
public class NeedCategories {
  private final TenantDirectory tenants;
  private final TenantScope scope;
  private final AuditLog audit;

  public NeedCategories(TenantDirectory tenants, TenantScope scope, AuditLog audit) {
    this.tenants = tenants;
    this.scope = scope;
    this.audit = audit;
  }

  @Serdeable
  public record Category(long id, String name, int sortOrder, boolean active) {}

  @Serdeable
  public record CategoryForm(
      @NotBlank @Size(max = 50) String name,
      @Nullable @Min(0) @Max(100000) Integer sortOrder,
      @Nullable Boolean active) {}

  public List<Category> all(TenantContext context) {
    CurrentUser user = context.caller();
    return scope.read(
        context,
        c ->
            Jdbc.list(
                c, "select * from need_category order by sort_order, name", NeedCategories::map));
  }

  public Category add(TenantContext context, @Valid CategoryForm form) {
    CurrentUser user = requireAdmin(context);
    Category category =
        scope.write(
            context,
            c -> {
              if (Jdbc.count(
                      c,
                      "select count(*) from need_category where lower(name) = lower(?)",
                      form.name().trim())
                  > 0) {
                throw new ValidationException("name", "need.category.taken");
              }
              return Jdbc.one(
                      c,
                      "insert into need_category (name, sort_order, active, created_at, created_by)"
                          + " values (?, ?, ?, now(), ?) returning *",
                      NeedCategories::map,
                      form.name().trim(),
                      form.sortOrder() == null ? 500 : form.sortOrder(),
                      form.active() == null || form.active(),
                      user.username())
                  .orElseThrow();
            });
    record(user, context, "NEED_CATEGORY_ADD", category.id());
    return category;
  }

  public Category update(TenantContext context, long id, @Valid CategoryForm form) {
    CurrentUser user = requireAdmin(context);
    Category category =
        scope.write(
            context,
            c -> {
              if (Jdbc.count(
                      c,
                      "select count(*) from need_category where lower(name) = lower(?) and id <> ?",
                      form.name().trim(),
                      id)
                  > 0) {
                throw new ValidationException("name", "need.category.taken");
              }
              return Jdbc.one(
                      c,
                      "update need_category set name = ?, sort_order = coalesce(?, sort_order),"
                          + " active = coalesce(?, active), version = version + 1 where id = ?"
                          + " returning *",
                      NeedCategories::map,
                      form.name().trim(),
                      form.sortOrder(),
                      form.active(),
                      id)
                  .orElseThrow(ProblemException::notFound);
            });
    record(user, context, "NEED_CATEGORY_UPDATE", id);
    return category;
  }

  private static CurrentUser requireAdmin(TenantContext context) {
    CurrentUser user = context.caller();
    if (!user.has(Role.CITY_ADMIN)) {
      throw ProblemException.forbidden();
    }
    return user;
  }

  private void record(CurrentUser user, TenantContext context, String action, long id) {
    audit.record(
        new AuditLog.Entry(
            user.username(),
            context.code().value(),
            action,
            "need_category:" + id,
            "SUCCESS",
            null,
            null));
  }

  private static Category map(ResultSet row) throws SQLException {
    return new Category(
        row.getLong("id"),
        row.getString("name"),
        row.getInt("sort_order"),
        row.getBoolean("active"));
  }
}
