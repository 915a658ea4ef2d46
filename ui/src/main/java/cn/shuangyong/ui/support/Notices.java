package cn.shuangyong.ui.support;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short success and error notifications, consistent across views. */
public final class Notices {
  private Notices() {}

  public static void success(String text) {
    Notification notification = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  public static void error(String text) {
    Notification notification = Notification.show(text, 8000, Notification.Position.MIDDLE);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }
}
