package cn.shuangyong.ui.projects;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.tenants.projects.api.ProjectCommands;
import cn.shuangyong.tenants.projects.api.ProjectService;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 填报进度: the office enters a project's progress by hand (0..100 % and what was done). Shown as
 * entered on the page until the office goes back to the milestones' share.
 */
final class ProjectProgressDialog extends Dialog {

  ProjectProgressDialog(
      Component view,
      ProjectService projects,
      Supplier<TenantContext> tenant,
      long id,
      int current,
      Runnable done) {
    setHeaderTitle(view.getTranslation("projects.action.ENTER_PROGRESS"));
    IntegerField percent = new IntegerField(view.getTranslation("projects.progress.percent"));
    percent.setId("project-progress-percent");
    percent.setMin(0);
    percent.setMax(100);
    percent.setStepButtonsVisible(true);
    percent.setValue(current);
    percent.setSuffixComponent(new Span("%"));
    percent.setRequiredIndicatorVisible(true);
    TextArea note = new TextArea(view.getTranslation("projects.progress.note"));
    note.setId("project-progress-note");
    note.setMaxLength(2000);
    note.setWidthFull();
    add(percent, note);
    Button save =
        new Button(
            view.getTranslation("projects.action.ENTER_PROGRESS"),
            click -> {
              if (percent.getValue() == null || percent.isInvalid()) {
                percent.setInvalid(true);
                percent.setErrorMessage(view.getTranslation("projects.progress.percent.range"));
                return;
              }
              Object saved =
                  Problems.attempt(
                      view,
                      Map.of("percent", percent, "note", note),
                      () ->
                          projects.enterProgress(
                              tenant.get(),
                              id,
                              new ProjectCommands.EnterProgress(
                                  percent.getValue(), note.getValue())));
              if (saved != null) {
                close();
                done.run();
              }
            });
    save.setId("project-progress-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(view.getTranslation("projects.close"), c -> close()), save);
  }
}
