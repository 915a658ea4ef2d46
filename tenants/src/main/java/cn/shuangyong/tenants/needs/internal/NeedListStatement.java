package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.tenants.needs.api.NeedQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one page of the 双清单 list: the page and the count of all matching rows in one
 * statement, page size and offset in its text (see {@link #page}), and the count alone for a page
 * past the end. Built from the filter, the caller's visibility and the order; every value bound.
 */
public record NeedListStatement(String where, List<Object> arguments) {
  public NeedListStatement {
    arguments = List.copyOf(arguments);
  }

  /** The rows {@code visibility} lets the caller see that match {@code query}. */
  public static NeedListStatement of(
      NeedQuery query, NeedStore.Visibility visibility, LocalDate today) {
    StringBuilder where = new StringBuilder(" where true");
    List<Object> arguments = new ArrayList<>();
    if (visibility.garrisonUnitId() != null) {
      where.append(" and n.garrison_unit_id = ?");
      arguments.add(visibility.garrisonUnitId());
    }
    if (visibility.responsibleUnitId() != null) {
      where.append(" and n.responsible_unit_id = ?");
      arguments.add(visibility.responsibleUnitId());
    }
    filter(query, today, where, arguments);
    return new NeedListStatement(where.toString(), arguments);
  }

  private static void filter(
      NeedQuery query, LocalDate today, StringBuilder where, List<Object> arguments) {
    if (query.status() != null) {
      where.append(" and n.status = ?");
      arguments.add(query.status().name());
    }
    if (query.direction() != null) {
      where.append(" and n.direction = ?");
      arguments.add(query.direction().name());
    }
    if (query.year() != null) {
      where.append(" and n.year = ?");
      arguments.add(query.year());
    }
    if (query.garrisonUnitId() != null) {
      where.append(" and n.garrison_unit_id = ?");
      arguments.add(query.garrisonUnitId());
    }
    if (query.responsibleUnitId() != null) {
      where.append(" and n.responsible_unit_id = ?");
      arguments.add(query.responsibleUnitId());
    }
    if (query.overdueOnly()) {
      where.append(" and n.deadline < ? and n.status not in ('COMPLETED', 'CLOSED', 'REJECTED')");
      arguments.add(today);
    }
    SearchTerms search = query.text() == null ? null : SearchTerms.of(query.text());
    if (search != null && !search.isEmpty()) {
      where.append(" and n.search_grams @> ?");
      arguments.add(search.grams());
      for (String pattern : search.likePatterns()) {
        where.append(" and (n.title ilike ? or n.description ilike ?)");
        arguments.add(pattern);
        arguments.add(pattern);
      }
    }
  }

  /** The count of all matching rows. */
  public String count() {
    return "select count(*) from need n" + where;
  }

  /** One page with the count of all matching rows in each row's {@code matching}. */
  public String page(String orderBy, int offset, int limit) {
    return "select ("
        + count()
        + ") as matching, "
        + NeedStore.COLUMNS
        + NeedStore.FROM
        + where
        + " order by "
        + orderBy
        + (orderBy.startsWith("n.id ") ? "" : ", n.id desc")
        // numbers in the text, not parameters: with a parameter PostgreSQL cannot cost the limit
        // of a generic plan and plans every execution anew (about half the database time of a
        // list); as text each page size and offset is one statement whose plan is reused after
        // its fifth run on a connection
        + " limit "
        + limit
        + " offset "
        + offset;
  }

  /** The arguments of {@link #page}: those of the count, then those of the page's own filter. */
  public List<Object> pageArguments() {
    List<Object> twice = new ArrayList<>(arguments);
    twice.addAll(arguments);
    return twice;
  }

  /** Binds {@code values} in order (the search grams as a text array). */
  static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value instanceof String[] texts) {
        statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
      } else {
        statement.setObject(i + 1, value);
      }
    }
  }
}
