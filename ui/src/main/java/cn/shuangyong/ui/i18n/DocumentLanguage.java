package cn.shuangyong.ui.i18n;

import cn.shuangyong.ui.security.UiSession;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;

/**
 * The page's {@code <html lang>} is the session's language ({@code zh-CN} or {@code en}), so screen
 * readers pronounce the text in it and the browser picks the right fonts. The language switch
 * reloads the page, so the page written here is always in the language of its texts.
 */
@Singleton
public class DocumentLanguage implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.addIndexHtmlRequestListener(
        response ->
            response
                .getDocument()
                .getElementsByTag("html")
                .attr("lang", UiSession.locale().toLanguageTag()));
  }
}
