package cn.shuangyong.ui.hosting;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;
import org.jsoup.nodes.Element;

/**
 * Links the site icon ({@link FaviconController}) in every page's head, the vector form first and
 * the .ico for browsers without it. Written into the page by a listener rather than an {@code
 * AppShellConfigurator}: with an app shell class present, the liaison's phone form stopped taking a
 * category in the browser tests (the shell changes how Vaadin writes the bootstrap page).
 */
@Singleton
public class SiteIcon implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event.addIndexHtmlRequestListener(
        response -> {
          Element head = response.getDocument().head();
          head.appendElement("link")
              .attr("rel", "icon")
              .attr("type", "image/svg+xml")
              .attr("href", FaviconController.SVG);
          head.appendElement("link")
              .attr("rel", "icon")
              .attr("sizes", "16x16 32x32 48x48")
              .attr("href", FaviconController.ICO);
        });
  }
}
