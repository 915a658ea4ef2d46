package cn.shuangyong.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the API's {@code page}, {@code size} (1..200) and {@code sort=field[,asc|desc]} into a
 * {@link Pageable}. Anything else is a 400 naming the parameter: a negative page, one whose offset
 * ({@code page × size}) leaves the {@code int} range (stores write offset and limit into their SQL
 * text as ints, where an overflow turns negative), and a {@code sort} that is empty, has more than
 * one comma, an unknown field or a direction other than asc/desc (the message lists the sortable
 * fields).
 */
public final class PageParameters {
  public static final int MAX_SIZE = 200;
  public static final long MAX_OFFSET = Integer.MAX_VALUE;

  private PageParameters() {}

  public static Pageable of(int page, int size, @Nullable String sort, Set<String> sortable) {
    if (page < 0) {
      throw ValidationException.malformed("page", "validation.Min", 0);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ValidationException.malformed("size", "validation.Size", 1, MAX_SIZE);
    }
    if ((long) page * size > MAX_OFFSET) {
      throw ValidationException.malformed("page", "validation.page", size, MAX_OFFSET / size);
    }
    if (sort == null) {
      return Pageable.from(page, size);
    }
    String[] parts = sort.split(",", -1);
    String field = parts[0].trim();
    String direction = parts.length == 2 ? parts[1].trim().toLowerCase() : "asc";
    if (parts.length > 2
        || !sortable.contains(field)
        || !(direction.equals("asc") || direction.equals("desc"))) {
      throw ValidationException.malformed(
          "sort", "validation.sort", String.join(", ", new TreeSet<>(sortable)));
    }
    Sort.Order order = direction.equals("asc") ? Sort.Order.asc(field) : Sort.Order.desc(field);
    return Pageable.from(page, size, Sort.of(order));
  }
}
