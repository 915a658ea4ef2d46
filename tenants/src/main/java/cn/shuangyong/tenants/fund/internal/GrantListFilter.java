package cn.shuangyong.tenants.fund.internal;

import cn.shuangyong.tenants.fund.api.FundRules;
import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import cn.shuangyong.tenants.fund.api.GrantQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The where clause of a grants list and its arguments. The text search matches a grant whose
 * applicant name or reason contains every word of {@code q} (case ignored, {@code % _ \} taken
 * literally); a whole resident ID number in {@code q} finds the household's grants by the keyed
 * digest instead, since the number itself is stored encrypted.
 */
public record GrantListFilter(String where, List<Object> arguments) {
  private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

  static GrantListFilter of(GrantQuery query, ApplicantIdentity identity) {
    List<String> conditions = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    if (query.status() != null) {
      conditions.add("g.status = ?");
      arguments.add(query.status().name());
    }
    if (query.year() != null) {
      conditions.add("g.year = ?");
      arguments.add(query.year());
    }
    if (query.applicantType() != null) {
      conditions.add("g.applicant_type = ?");
      arguments.add(query.applicantType().name());
    }
    if (query.paidFirst() != null) {
      conditions.add("g.paid_first = ?");
      arguments.add(query.paidFirst());
    }
    if (query.text() != null && !query.text().isBlank()) {
      String text = query.text().strip();
      if (ID_NUMBER.matcher(text).matches()) {
        conditions.add("g.id_digest = ?");
        arguments.add(identity.household(FundRules.normalisedIdNumber(text)));
      } else {
        words(text, conditions, arguments);
      }
    }
    return new GrantListFilter(where(conditions), List.copyOf(arguments));
  }

  static GrantListFilter inbox(Set<Status> statuses, boolean urgentSubmitted, boolean paperwork) {
    List<String> alternatives = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    for (Status status : statuses) {
      alternatives.add("g.status = ?");
      arguments.add(status.name());
    }
    if (urgentSubmitted) {
      alternatives.add("(g.urgent and g.status = 'SUBMITTED')");
    }
    if (paperwork) {
      alternatives.add("g.paperwork_pending");
    }
    if (alternatives.isEmpty()) {
      return new GrantListFilter(" where false", List.of());
    }
    return new GrantListFilter(
        " where (" + String.join(" or ", alternatives) + ")", List.copyOf(arguments));
  }

  private static void words(String text, List<String> conditions, List<Object> arguments) {
    for (String word : text.split("[\\s\\p{Z}]+")) {
      if (!word.isEmpty()) {
        conditions.add("(g.applicant_name || ' ' || g.reason) ilike ?");
        arguments.add(
            "%"
                + word.toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\")
                    .replace("%", "\\%")
                    .replace("_", "\\_")
                + "%");
      }
    }
  }

  private static String where(List<String> conditions) {
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }
}
