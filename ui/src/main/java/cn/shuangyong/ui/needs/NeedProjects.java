package cn.shuangyong.ui.needs;

import cn.shuangyong.tenants.projects.api.Project;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/**
 * The 拥军项目 that fulfil a need, on the need's page: each by name (a link to the project for the
 * city's own users), its status and progress. The project's page links back.
 */
final class NeedProjects {
  private NeedProjects() {}

  static Component of(Component view, List<Project> projects, boolean linked) {
    VerticalLayout list = new VerticalLayout();
    list.setId("need-projects");
    list.setPadding(false);
    list.setSpacing(false);
    for (Project project : projects) {
      Component name =
          linked
              ? new Anchor("projects/" + project.id(), project.name())
              : new Span(project.name());
      Span state =
          new Span(
              view.getTranslation("projects.status." + project.status().name())
                  + " · "
                  + project.progress()
                  + "%");
      state.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
      FlexLayout row = new FlexLayout(name, state);
      row.addClassNames("need-project", LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.BASELINE);
      list.add(row);
    }
    return list;
  }
}
