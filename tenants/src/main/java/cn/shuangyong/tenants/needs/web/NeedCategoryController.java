package cn.shuangyong.tenants.needs.web;

import cn.shuangyong.platform.idempotency.Idempotent;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantPath;
import cn.shuangyong.platform.web.ApiProblems;
import cn.shuangyong.tenants.needs.api.NeedCategories;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;

/** The tenant's need categories: everyone of the tenant reads, the city admin edits. */
@Controller("/api/v1/tenants/{tenant}/need-categories")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Needs")
@ApiProblems
public class NeedCategoryController {
  private final NeedCategories categories;

  NeedCategoryController(NeedCategories categories) {
    this.categories = categories;
  }

  /** The tenant's need categories, retired ones included. */
  @Get
  public List<NeedCategories.Category> all(@TenantPath TenantContext context) {
    return categories.all(context);
  }

  /** Adds a need category (city admin). */
  @Idempotent
  @Post
  public HttpResponse<NeedCategories.Category> add(
      @TenantPath TenantContext context, @Body @Valid NeedCategories.CategoryForm body) {
    NeedCategories.Category category = categories.add(context, body);
    return HttpResponse.created(
        category,
        URI.create(
            "/api/v1/tenants/" + context.code().value() + "/need-categories/" + category.id()));
  }

  /** Renames, reorders or retires a need category (city admin). */
  @Put("/{id}")
  public NeedCategories.Category update(
      @TenantPath TenantContext context, long id, @Body @Valid NeedCategories.CategoryForm body) {
    return categories.update(context, id, body);
  }
}
