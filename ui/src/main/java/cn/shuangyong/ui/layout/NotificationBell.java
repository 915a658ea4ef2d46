package cn.shuangyong.ui.layout;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.notifications.api.Notification;
import cn.shuangyong.tenants.notifications.api.NotificationService;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.SubjectViews;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.FlexComponent.JustifyContentMode;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.popover.PopoverPosition;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The bell of a tenant user: the unread count as a badge, and a popover with the latest
 * notifications (a click opens the need and marks it read) and "mark all read". The layout
 * refreshes the count after each navigation and on the UI's poll.
 */
class NotificationBell extends Composite<Div> {
  private static final int LATEST = 15;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ChinaTime.ZONE);
  private final NotificationService notifications;
  private final CurrentUser user;
  private final Button bell = new Button(VaadinIcon.BELL.create());
  private final Span badge = new Span();
  private final VerticalLayout list = new VerticalLayout();
  private final Popover popover = new Popover();

  private final TenantAccess access;
  private final SubjectViews subjects;

  NotificationBell(
      TenantAccess access,
      NotificationService notifications,
      SubjectViews subjects,
      CurrentUser user) {
    this.access = access;
    this.notifications = notifications;
    this.subjects = subjects;
    this.user = user;
    bell.setId("notification-bell");
    bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
    bell.setAriaLabel(getTranslation("notifications.title"));
    badge.setId("notification-count");
    badge.getElement().getThemeList().add("badge error primary small pill");
    badge
        .getStyle()
        .set("position", "absolute")
        .set("top", "0")
        .set("right", "0")
        .set("pointer-events", "none");
    Div root = getContent();
    root.getStyle().set("position", "relative");
    root.add(bell, badge);

    Button markAll = new Button(getTranslation("notifications.mark-all"), click -> markAll());
    markAll.setId("notifications-mark-all");
    markAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
    Span heading = new Span(getTranslation("notifications.title"));
    heading.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    HorizontalLayout head = new HorizontalLayout(heading, markAll);
    head.setWidthFull();
    head.setJustifyContentMode(JustifyContentMode.BETWEEN);
    head.setAlignItems(Alignment.CENTER);
    list.setPadding(false);
    list.setSpacing(false);
    list.setId("notification-list");
    VerticalLayout panel = new VerticalLayout(head, list);
    panel.setPadding(false);
    // never wider than the screen less the popover's own padding and margin
    panel.setWidth("min(24em, calc(100vw - 3rem))");
    panel.getStyle().set("max-height", "70vh").set("overflow", "auto");
    head.setSpacing(false);
    head.getStyle().set("flex-wrap", "wrap");
    popover.add(panel);
    popover.setTarget(bell);
    popover.setPosition(PopoverPosition.BOTTOM_END);
    popover.addOpenedChangeListener(
        event -> {
          if (event.isOpened()) {
            fill();
          }
        });
    root.add(popover);
    refresh();
  }

  /** Re-reads the unread count. */
  void refresh() {
    long unread = notifications.unreadCount(access.own());
    badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
    badge.setVisible(unread > 0);
    bell.setTooltipText(getTranslation("notifications.unread", unread));
  }

  private void fill() {
    list.removeAll();
    List<Notification> latest = notifications.mine(access.own(), false, LATEST, getLocale());
    if (latest.isEmpty()) {
      list.add(EmptyState.nothingYet(getTranslation("notifications.empty")));
    }
    for (Notification notification : latest) {
      list.add(line(notification));
    }
  }

  private Component line(Notification notification) {
    Span message = new Span(notification.message());
    if (!notification.read()) {
      message.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    }
    Span when = new Span(WHEN.format(notification.createdAt()));
    when.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL);
    Div line = new Div(message, new Div(when));
    line.addClassNames(
        LumoUtility.Padding.SMALL, LumoUtility.BorderRadius.SMALL, LumoUtility.Width.FULL);
    if (!notification.read()) {
      line.addClassNames(LumoUtility.Background.PRIMARY_10);
    }
    line.getStyle().set("cursor", "pointer");
    line.addClickListener(
        click -> {
          if (!notification.read()) {
            notifications.markRead(access.own(), notification.id());
          }
          popover.close();
          refresh();
          if (notification.subject() != null) {
            subjects.open(notification.subject());
          }
        });
    return line;
  }

  private void markAll() {
    notifications.markAllRead(access.own());
    refresh();
    fill();
  }
}
