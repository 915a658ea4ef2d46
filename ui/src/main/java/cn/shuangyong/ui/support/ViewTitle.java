package cn.shuangyong.ui.support;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The one {@code h1} of a page, and the {@code main} landmark of a page outside the {@code
 * MainLayout} (which wraps every view in a {@code <main>} itself): screen readers jump to both, and
 * the browser tests' axe run requires them. The title keeps the size the views' former {@code h2}
 * had, so the pages look as before.
 */
public final class ViewTitle {
  private ViewTitle() {}

  /** The page's title as its one {@code h1}. */
  public static H1 of(String text) {
    H1 title = new H1(text);
    title.addClassNames("view-title", LumoUtility.FontSize.XXLARGE);
    return title;
  }

  /** Marks a page that has no {@code MainLayout} (sign-in, print) as the main landmark. */
  public static void markMain(HasElement page) {
    page.getElement().setAttribute("role", "main");
  }
}
