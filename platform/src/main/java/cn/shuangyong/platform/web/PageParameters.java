package cn.shuangyong.platform.web;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import java.util.Set;

/**
 * Turns the API's {@code page}, {@code size} (1..200) and {@code sort=field,asc|desc} into a {@link
 * Pageable}; an unknown sort field or bad direction is a 400 naming the field.
 */
public final class PageParameters {
  public static final int MAX_SIZE = 200;

  private PageParameters() {}

  public static Pageable of(int page, int size, String sort, Set<String> sortable) {
    if (page < 0) {
      throw ValidationException.malformed("page", "validation.Min", 0);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ValidationException.malformed("size", "validation.Size", 1, MAX_SIZE);
    }
    if (sort == null || sort.isBlank()) {
      return Pageable.from(page, size);
    }
    String[] parts = sort.split(",");
    String field = parts[0].trim();
    String direction = parts.length > 1 ? parts[1].trim().toLowerCase() : "asc";
    if (!sortable.contains(field) || !(direction.equals("asc") || direction.equals("desc"))) {
      throw ValidationException.malformed("sort", "validation.sort", String.join(", ", sortable));
    }
    Sort.Order order = direction.equals("asc") ? Sort.Order.asc(field) : Sort.Order.desc(field);
    return Pageable.from(page, size, Sort.of(order));
  }
}
