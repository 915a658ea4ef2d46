package cn.shuangyong.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

/**
 * Every UI gets the session's language and a guard before each navigation: anonymous users go to
 * the login view (which takes them back to where they wanted to go), signed-in users to an
 * access-denied page when their roles do not allow the view.
 */
@Singleton
public class AccessGuard implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(
            uiEvent -> {
              UI ui = uiEvent.getUI();
              ui.setLocale(UiSession.locale());
              ui.addBeforeEnterListener(this::beforeEnter);
            });
  }

  private void beforeEnter(BeforeEnterEvent event) {
    Class<?> target = event.getNavigationTarget();
    if (target == LoginView.class) {
      return;
    }
    UiSession.user()
        .ifPresentOrElse(
            user -> {
              if (!AccessRules.mayEnter(user, target)) {
                event.rerouteToError(AccessDeniedException.class, target.getSimpleName());
              }
            },
            () -> {
              // a deep link opened while signed out lands on its page after sign-in
              UiSession.rememberIntendedLocation(event.getLocation().getPathWithQueryParameters());
              event.forwardTo(LoginView.class);
            });
  }
}
