package cn.shuangyong.ui.fund;

import cn.shuangyong.tenants.fund.api.FundTypes.Status;
import cn.shuangyong.tenants.fund.api.Grant;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The words and badges the fund's screens share: statuses, 先行支付, applicant types, money. */
final class FundLabels {
  private FundLabels() {}

  /** ¥3,500.00: grouped by thousands, always two decimals; a dash for none. */
  static String money(@Nullable BigDecimal amount) {
    if (amount == null) {
      return "—";
    }
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return "¥" + format.format(amount);
  }

  static String status(Component view, Status status) {
    return view.getTranslation("grants.status." + status.name());
  }

  static String type(Component view, Enum<?> type) {
    return view.getTranslation("grants.applicant-type." + type.name());
  }

  /** The status badge, with 先行支付 · 待补材料 (or · 材料已补齐) beside it for a grant paid first. */
  static Component badges(Component view, Grant grant) {
    Span badge = new Span(status(view, grant.status()));
    String theme =
        switch (grant.status()) {
          case SUBMITTED -> "badge contrast";
          case REVIEWED, APPROVED -> "badge";
          case PAID -> "badge success";
          case REJECTED -> "badge error";
        };
    badge.getElement().getThemeList().add(theme);
    badge.addClassNames("grant-status", "grant-status-" + grant.status().name());
    FlexLayout both = new FlexLayout(badge);
    both.addClassNames(LumoUtility.Gap.XSMALL, LumoUtility.FlexWrap.WRAP);
    if (grant.paidFirst()) {
      Span first =
          new Span(
              view.getTranslation(
                  grant.paperworkPending()
                      ? "grants.paid-first.pending"
                      : "grants.paid-first.done"));
      first
          .getElement()
          .getThemeList()
          .add(grant.paperworkPending() ? "badge error" : "badge success");
      first.addClassName("grant-paid-first");
      both.add(first);
    } else if (grant.urgent() && grant.status() != Status.PAID) {
      Span urgent = new Span(view.getTranslation("fundview.urgent"));
      urgent.getElement().getThemeList().add("badge error");
      urgent.addClassName("grant-urgent");
      both.add(urgent);
    }
    return both;
  }
}
