package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.needs.internal.NeedCategoryRepository;
import cn.shuangyong.tenants.needs.internal.NeedCategoryRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;

/**
 * The tenant's own list of need categories (seeded with 营区建设, 官兵出行, …). The city admin adds,
 * renames, reorders and retires them; a retired category stays on the needs that carry it.
 */
@Singleton
public class NeedCategories {
  private final TenantScope scope;
  private final NeedCategoryRepository categories;
  private final TenantAudit audit;
  private final Clock clock;

  public NeedCategories(
      TenantScope scope, NeedCategoryRepository categories, TenantAudit audit, Clock clock) {
    this.scope = scope;
    this.categories = categories;
    this.audit = audit;
    this.clock = clock;
  }

  @Serdeable
  public record Category(long id, String name, int sortOrder, boolean active) {}

  @Serdeable
  public record CategoryForm(
      @NotBlank @Size(max = 50) String name,
      @Nullable @Min(0) @Max(100000) Integer sortOrder,
      @Nullable Boolean active) {}

  public List<Category> all(TenantContext context) {
    return scope.read(context, () -> categories.all().stream().map(NeedCategories::toApi).toList());
  }

  public Category add(TenantContext context, @Valid CategoryForm form) {
    CurrentUser user = requireAdmin(context);
    Category category =
        scope.write(
            context,
            () -> {
              if (categories.nameTaken(form.name().trim(), -1)) {
                throw new ValidationException("name", "need.category.taken");
              }
              Category added =
                  toApi(
                      categories.save(
                          new NeedCategoryRow(
                              null,
                              form.name().trim(),
                              form.sortOrder() == null ? 500 : form.sortOrder(),
                              form.active() == null || form.active(),
                              clock.instant(),
                              user.username())));
              audit.record(context, "NEED_CATEGORY_ADD", target(added.id()), null, added);
              return added;
            });
    return category;
  }

  public Category update(TenantContext context, long id, @Valid CategoryForm form) {
    requireAdmin(context);
    Category category =
        scope.write(
            context,
            () -> {
              if (categories.nameTaken(form.name().trim(), id)) {
                throw new ValidationException("name", "need.category.taken");
              }
              Category before = categories.findById(id).map(NeedCategories::toApi).orElse(null);
              if (categories.change(id, form.name().trim(), form.sortOrder(), form.active()) == 0) {
                throw ProblemException.notFound();
              }
              Category after = toApi(categories.findById(id).orElseThrow());
              audit.record(context, "NEED_CATEGORY_UPDATE", target(id), before, after);
              return after;
            });
    return category;
  }

  private static CurrentUser requireAdmin(TenantContext context) {
    CurrentUser user = context.caller();
    if (!user.has(Role.CITY_ADMIN)) {
      throw ProblemException.forbidden();
    }
    return user;
  }

  private static String target(long id) {
    return "need_category:" + id;
  }

  private static Category toApi(NeedCategoryRow row) {
    return new Category(row.id(), row.name(), row.sortOrder(), row.active());
  }
}
