package cn.shuangyong.ui.audit;

import cn.shuangyong.platform.audit.AuditEvent;
import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.time.format.DateTimeFormatter;

/** 审计: the platform's audit trail, newest first, paged lazily, filtered by user and action. */
@Prototype
@Route(value = "audit", layout = MainLayout.class)
@Menu(title = "nav.audit", order = 90, icon = "vaadin:clipboard-text")
@RequiresRole(Role.PLATFORM_ADMIN)
public class AuditView extends VerticalLayout implements HasDynamicTitle {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public AuditView(AuditLog audit) {
    setSizeFull();
    TextField user = new TextField();
    user.setPlaceholder(getTranslation("audit.user"));
    TextField action = new TextField();
    action.setPlaceholder(getTranslation("audit.action"));
    for (TextField field : new TextField[] {user, action}) {
      field.setClearButtonVisible(true);
      field.setPrefixComponent(VaadinIcon.SEARCH.create());
      field.setValueChangeMode(ValueChangeMode.LAZY);
    }
    Grid<AuditEvent> grid = new Grid<>();
    grid.addColumn(event -> TIME.format(event.at().atZoneSameInstant(ChinaTime.ZONE)))
        .setHeader(getTranslation("audit.at"))
        .setAutoWidth(true);
    grid.addColumn(AuditEvent::user).setHeader(getTranslation("audit.user"));
    grid.addColumn(AuditEvent::tenant).setHeader(getTranslation("audit.tenant"));
    grid.addColumn(AuditEvent::action).setHeader(getTranslation("audit.action"));
    grid.addColumn(AuditEvent::target).setHeader(getTranslation("audit.target"));
    grid.addColumn(AuditEvent::result).setHeader(getTranslation("audit.result"));
    grid.addColumn(AuditEvent::ip).setHeader(getTranslation("audit.ip"));
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.setSizeFull();
    Runnable load =
        () ->
            grid.setItems(
                query -> {
                  int size = query.getLimit();
                  int page = query.getOffset() / size;
                  AuditLog.Query filter =
                      new AuditLog.Query(
                          null,
                          null,
                          blankToNull(user.getValue()),
                          blankToNull(action.getValue()),
                          null,
                          null);
                  return audit.search(filter, page, size).items().stream()
                      .skip(query.getOffset() - (long) page * size);
                },
                query ->
                    (int)
                        Math.min(
                            Integer.MAX_VALUE,
                            audit
                                .search(
                                    new AuditLog.Query(
                                        null,
                                        null,
                                        blankToNull(user.getValue()),
                                        blankToNull(action.getValue()),
                                        null,
                                        null),
                                    0,
                                    1)
                                .total()));
    user.addValueChangeListener(event -> load.run());
    action.addValueChangeListener(event -> load.run());
    load.run();
    add(new H2(getTranslation("nav.audit")), new HorizontalLayout(user, action), grid);
  }

  @Override
  public String getPageTitle() {
    return getTranslation("nav.audit") + " · " + getTranslation("app.name");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
