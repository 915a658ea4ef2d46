package cn.shuangyong.ui.security;

import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import io.micronaut.context.annotation.Prototype;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a view the user's roles do not allow. */
@Prototype
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

  @Override
  public String getPageTitle() {
    return getTranslation("access.denied.title") + " · " + getTranslation("app.name");
  }

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    removeAll();
    add(
        ViewTitle.of(getTranslation("access.denied.title")),
        new Paragraph(getTranslation("access.denied.text")));
    return HttpServletResponse.SC_FORBIDDEN;
  }
}
