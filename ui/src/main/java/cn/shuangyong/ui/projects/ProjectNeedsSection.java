package cn.shuangyong.ui.projects;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.needs.api.Need;
import cn.shuangyong.tenants.needs.api.NeedQuery;
import cn.shuangyong.tenants.needs.api.NeedService;
import cn.shuangyong.tenants.projects.api.Project;
import cn.shuangyong.tenants.projects.api.ProjectCommands;
import cn.shuangyong.tenants.projects.api.ProjectService;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The 双清单 needs a project fulfils, each a link to the need (whose page links back to the project);
 * the office links another need, found by its title, or takes a link back after confirming. A need
 * the caller may not see shows by its number only.
 */
final class ProjectNeedsSection extends VerticalLayout {
  private final Component view;
  private final ProjectService projects;
  private final NeedService needs;
  private final Supplier<TenantContext> tenant;
  private final Runnable changed;

  ProjectNeedsSection(
      Component view,
      ProjectService projects,
      NeedService needs,
      Supplier<TenantContext> tenant,
      Runnable changed) {
    this.view = view;
    this.projects = projects;
    this.needs = needs;
    this.tenant = tenant;
    this.changed = changed;
    setId("project-needs");
    setPadding(false);
  }

  ProjectNeedsSection show(Project project, boolean mayLink) {
    removeAll();
    if (project.needIds().isEmpty()) {
      add(EmptyState.nothingYet(view.getTranslation("projects.needs.empty")));
    }
    for (long needId : project.needIds()) {
      add(row(project.id(), needId, mayLink));
    }
    if (mayLink) {
      add(linkForm(project.id()));
    }
    return this;
  }

  private Component row(long projectId, long needId, boolean mayUnlink) {
    Need need = visibleNeed(needId);
    Anchor link =
        new Anchor(
            "needs/" + needId, need == null ? "#" + needId : "#" + needId + " " + need.title());
    link.addClassName("project-need");
    FlexLayout row = new FlexLayout(link);
    row.addClassNames(LumoUtility.Gap.MEDIUM, LumoUtility.AlignItems.CENTER);
    if (mayUnlink) {
      Button unlink =
          new Button(
              view.getTranslation("projects.needs.unlink"), click -> confirm(projectId, needId));
      unlink.addClassName("project-need-unlink");
      unlink.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      row.add(unlink);
    }
    return row;
  }

  private Need visibleNeed(long needId) {
    try {
      return needs.find(tenant.get(), needId);
    } catch (ProblemException notVisible) {
      return null;
    }
  }

  private void confirm(long projectId, long needId) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setHeader(view.getTranslation("projects.needs.unlink"));
    confirm.setText(view.getTranslation("projects.needs.unlink.text", "#" + needId));
    confirm.setCancelable(true);
    confirm.setCancelText(view.getTranslation("projects.close"));
    Button yes = new Button(view.getTranslation("projects.needs.unlink"));
    yes.setId("project-need-unlink-confirm");
    yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    confirm.setConfirmButton(yes);
    confirm.addConfirmListener(
        event -> {
          if (Problems.attempt(view, () -> projects.unlinkNeed(tenant.get(), projectId, needId))
              != null) {
            changed.run();
          }
        });
    confirm.open();
  }

  private Component linkForm(long projectId) {
    ComboBox<Need> choice = new ComboBox<>(view.getTranslation("projects.needs.choose"));
    choice.setId("project-need-choice");
    choice.setWidth("24em");
    choice.setItemLabelGenerator(need -> "#" + need.id() + " " + need.title());
    choice.setItems(
        query ->
            needs
                .list(
                    tenant.get(),
                    new NeedQuery(
                        null, null, null, null, null, false, query.getFilter().orElse(null)),
                    query.getOffset(),
                    query.getLimit(),
                    null,
                    false)
                .items()
                .stream());
    Button link =
        new Button(
            view.getTranslation("projects.action.LINK_NEED"),
            click -> {
              if (choice.getValue() == null) {
                choice.setInvalid(true);
                choice.setErrorMessage(view.getTranslation("projects.needs.choose.required"));
                return;
              }
              if (Problems.attempt(
                      view,
                      Map.of("needId", choice),
                      () ->
                          projects.linkNeed(
                              tenant.get(),
                              projectId,
                              new ProjectCommands.LinkNeed(choice.getValue().id())))
                  != null) {
                changed.run();
              }
            });
    link.setId("project-need-link");
    FlexLayout form = new FlexLayout(choice, link);
    form.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.AlignItems.BASELINE);
    form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    return form;
  }
}
