package cn.shuangyong.ui.support;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.SocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Vaadin session's error handler, for what no view handled: a service's refusal is shown as
 * {@link Problems} shows it; anything else is logged once, with its stack trace, and the user sees
 * the bundle's generic {@code problem.internal} notice instead of Vaadin's internal-error message.
 * A client that went away (a broken connection) is not an error of ours.
 */
@Singleton
public class UiErrorHandler implements VaadinServiceInitListener {
  static final ErrorHandler HANDLER = new SessionErrors();

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(HANDLER));
  }

  /** Stateless, so a serialised session keeps it. */
  static final class SessionErrors implements ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UiErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
      Throwable thrown = event.getThrowable();
      if (isDisconnect(thrown)) {
        LOG.debug("client went away: {}", thrown.toString());
        return;
      }
      RuntimeException refusal = Problems.refusalIn(thrown);
      UI ui = UI.getCurrent();
      if (refusal == null) {
        LOG.error("unexpected error in the UI", thrown);
      }
      if (ui != null) {
        Notices.error(
            refusal == null
                ? ui.getTranslation("problem.internal")
                : Problems.message(ui, refusal));
      }
    }

    private static boolean isDisconnect(Throwable thrown) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof SocketException
            || (t instanceof IOException && t.getClass().getSimpleName().equals("EofException"))) {
          return true;
        }
      }
      return false;
    }
  }
}
