package cn.shuangyong.ui.audit;

import cn.shuangyong.platform.audit.AuditChanges;
import cn.shuangyong.platform.audit.AuditEvent;
import cn.shuangyong.platform.time.ChinaTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One audit event in full: who, when, from where, what and how it ended, and for a change the
 * record's fields before and after it side by side, each changed field marked in words (已修改) and in
 * weight, not by colour alone. Personal data arrives masked from the trail.
 */
class AuditDetailDialog extends Dialog {

  AuditDetailDialog(AuditEvent event, String userName, String tenantName) {
    setId("audit-detail");
    setHeaderTitle(AuditLabels.action(this, event.action()));
    setWidth("min(56rem, 96vw)");
    add(facts(event, userName, tenantName));
    List<AuditChanges.Field> fields = AuditChanges.fields(event.before(), event.after());
    if (fields.isEmpty()) {
      Paragraph none = new Paragraph(getTranslation("audit.detail.no-change"));
      none.setId("audit-detail-no-change");
      none.addClassNames(LumoUtility.TextColor.SECONDARY);
      add(none);
    } else {
      H3 heading = new H3(getTranslation("audit.detail.changes"));
      heading.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Top.MEDIUM);
      add(heading, changes(fields));
    }
    Button close = new Button(getTranslation("action.close"), click -> close());
    close.setId("audit-detail-close");
    getFooter().add(close);
  }

  private Component facts(AuditEvent event, String userName, String tenantName) {
    FormLayout facts = new FormLayout();
    facts.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
    fact(facts, "audit.at", AuditView.TIME.format(event.at().atZoneSameInstant(ChinaTime.ZONE)));
    String user = event.user() == null ? "" : event.user();
    fact(facts, "audit.user", userName.equals(user) ? user : userName + "（" + user + "）");
    fact(facts, "audit.tenant", tenantName);
    fact(facts, "audit.target", event.target());
    fact(facts, "audit.result", AuditLabels.result(this, event.result()));
    fact(facts, "audit.ip", AuditLabels.ip(this, event.ip()));
    if (event.detail() != null && !event.detail().isBlank()) {
      fact(facts, "audit.detail.note", event.detail());
    }
    return facts;
  }

  private void fact(FormLayout facts, String labelKey, @Nullable String value) {
    Span text = new Span(value == null || value.isBlank() ? "—" : value);
    text.addClassName("audit-fact");
    text.getStyle().set("overflow-wrap", "anywhere"); // a long target or note wraps, never scrolls
    facts.addFormItem(text, getTranslation(labelKey));
  }

  private Grid<AuditChanges.Field> changes(List<AuditChanges.Field> fields) {
    Grid<AuditChanges.Field> grid = new Grid<>();
    grid.setId("audit-changes");
    grid.addComponentColumn(this::fieldName)
        .setHeader(getTranslation("audit.detail.field"))
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addComponentColumn(field -> value(field.before(), field.changed(), "audit-before"))
        .setHeader(getTranslation("audit.detail.before"));
    grid.addComponentColumn(field -> value(field.after(), field.changed(), "audit-after"))
        .setHeader(getTranslation("audit.detail.after"));
    grid.setItems(fields);
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setPartNameGenerator(field -> field.changed() ? "audit-changed" : null);
    return grid;
  }

  private Component fieldName(AuditChanges.Field field) {
    Span name = new Span(AuditLabels.field(this, field.name()));
    if (!field.changed()) {
      return name;
    }
    Span marker = new Span(getTranslation("audit.detail.changed"));
    marker.addClassNames(
        "audit-changed-marker",
        LumoUtility.FontSize.XSMALL,
        LumoUtility.Padding.Horizontal.XSMALL,
        LumoUtility.Margin.Left.SMALL,
        LumoUtility.BorderRadius.SMALL,
        LumoUtility.Background.PRIMARY_10,
        LumoUtility.TextColor.PRIMARY);
    Span both = new Span(name, marker);
    both.addClassName("audit-field-changed");
    return both;
  }

  private Component value(@Nullable Object value, boolean changed, String className) {
    Span text = new Span(shown(value));
    text.addClassName(className);
    if (changed) {
      text.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    }
    return text;
  }

  private String shown(@Nullable Object value) {
    if (value == null) {
      return "—";
    }
    if (value instanceof Boolean yes) {
      return getTranslation(yes ? "audit.value.yes" : "audit.value.no");
    }
    if (value instanceof List<?> list) {
      return list.stream().map(this::shown).collect(Collectors.joining("、"));
    }
    return AuditLabels.value(this, String.valueOf(value));
  }
}
