package cn.shuangyong.ui.tenants;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.tenancy.AdministrativeLevel;
import cn.shuangyong.platform.tenancy.Region;
import cn.shuangyong.platform.tenancy.Tenant;
import cn.shuangyong.platform.tenancy.TenantAlreadyExistsException;
import cn.shuangyong.platform.tenancy.TenantCode;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantStatus;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.ui.support.Labels;
import cn.shuangyong.ui.support.Notices;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * 新建城市: code, name, level and parent region, validated inline; provisioning (region node, schema,
 * migrations) runs off the UI thread while an indeterminate progress bar shows, and the page polls
 * for the result (push does not pass the one-port proxy).
 */
public class NewTenantDialog extends Dialog {
  /** The fields of the form, bound by the binder. */
  static final class Draft {
    private String code = "";
    private String name = "";
    private AdministrativeLevel level = AdministrativeLevel.COUNTY;
    private Region parent;
  }

  /** Opens the dialog with its services. */
  @Singleton
  public static class Factory {
    private final TenantDirectory directory;
    private final ExecutorService executor;

    public Factory(
        TenantDirectory directory, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
      this.directory = directory;
      this.executor = executor;
    }

    public void open(CurrentUser user, Runnable onCreated) {
      new NewTenantDialog(directory, executor, user, onCreated).open();
    }
  }

  private static final int POLL_MILLIS = 500;
  private final TenantDirectory directory;
  private final ExecutorService executor;
  private final CurrentUser user;
  private final Runnable onCreated;
  private final Binder<Draft> binder = new Binder<>();
  private final Draft draft = new Draft();
  private final ProgressBar progress = new ProgressBar();
  private final Span progressText = new Span();
  private final Button save = new Button();
  private final Button cancel = new Button();
  private final TextField code = new TextField();
  private final Map<String, HasValidation> fields = new HashMap<>();

  NewTenantDialog(
      TenantDirectory directory, ExecutorService executor, CurrentUser user, Runnable onCreated) {
    this.directory = directory;
    this.executor = executor;
    this.user = user;
    this.onCreated = onCreated;
    setHeaderTitle(getTranslation("tenants.create"));
    setCloseOnOutsideClick(false);

    code.setLabel(getTranslation("tenant.code"));
    code.setId("tenant-code");
    code.setHelperText(getTranslation("tenants.code.help"));
    code.setValueChangeMode(ValueChangeMode.EAGER);
    TextField name = new TextField(getTranslation("tenant.name"));
    name.setId("tenant-name");
    name.setMaxLength(100);
    name.setValueChangeMode(ValueChangeMode.EAGER);
    Select<AdministrativeLevel> level = new Select<>();
    level.setLabel(getTranslation("tenant.level"));
    level.setId("tenant-level");
    level.setItems(AdministrativeLevel.values());
    level.setItemLabelGenerator(value -> Labels.level(this, value));
    ComboBox<Region> parent = new ComboBox<>(getTranslation("tenant.parent"));
    parent.setItems(directory.regions());
    parent.setItemLabelGenerator(region -> region.name() + " (" + region.code() + ")");
    parent.setClearButtonVisible(true);
    parent.setId("tenant-parent");

    binder
        .forField(code)
        .asRequired(getTranslation("validation.NotBlank"))
        .withValidator(TenantCode::isValid, getTranslation("tenant.code.invalid"))
        .bind(d -> d.code, (d, v) -> d.code = v);
    binder
        .forField(name)
        .asRequired(getTranslation("validation.NotBlank"))
        .withValidator(v -> v.trim().length() <= 100, getTranslation("validation.Size", 1, 100))
        .bind(d -> d.name, (d, v) -> d.name = v);
    binder
        .forField(level)
        .asRequired(getTranslation("validation.NotNull"))
        .bind(d -> d.level, (d, v) -> d.level = v);
    // required unless the new tenant is a province: the indicator follows the level
    Binder.Binding<Draft, Region> parentBinding =
        binder
            .forField(parent)
            .withValidator(
                value -> value != null || level.getValue() == AdministrativeLevel.PROVINCE,
                getTranslation("tenant.parent.required"))
            .bind(d -> d.parent, (d, v) -> d.parent = v);
    binder.readBean(draft);
    parent.setRequiredIndicatorVisible(level.getValue() != AdministrativeLevel.PROVINCE);
    level.addValueChangeListener(
        change -> {
          parent.setRequiredIndicatorVisible(change.getValue() != AdministrativeLevel.PROVINCE);
          if (parent.isInvalid() || change.getValue() == AdministrativeLevel.PROVINCE) {
            parentBinding.validate();
          }
        });
    fields.put("code", code);
    fields.put("name", name);
    fields.put("level", level);
    fields.put("parent", parent);

    FormLayout form = new FormLayout(code, name, level, parent);
    progress.setIndeterminate(true);
    progress.setVisible(false);
    progressText.setVisible(false);
    add(form, progressText, progress);

    save.setText(getTranslation("action.save"));
    save.setId("save-tenant");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickListener(click -> submit());
    cancel.setText(getTranslation("action.cancel"));
    cancel.addClickListener(click -> close());
    getFooter().add(cancel, save);
  }

  private void submit() {
    if (!binder.writeBeanIfValid(draft)) {
      return;
    }
    UI ui = UI.getCurrent();
    setBusy(true);
    ui.setPollInterval(POLL_MILLIS);
    TenantCode code = new TenantCode(draft.code.trim());
    String name = draft.name.trim();
    AdministrativeLevel level = draft.level;
    String parent = draft.parent == null ? null : draft.parent.code();
    CompletableFuture.supplyAsync(
            () -> directory.create(user, code, name, level, parent, null), executor)
        .whenComplete(
            (tenant, failure) ->
                ui.access(
                    () -> {
                      ui.setPollInterval(-1);
                      setBusy(false);
                      finish(tenant, failure == null ? null : unwrap(failure));
                    }));
  }

  private void finish(Tenant tenant, Throwable failure) {
    if (failure == null && tenant.status() == TenantStatus.ACTIVE) {
      Notices.success(getTranslation("tenants.created", tenant.name(), tenant.code()));
      close();
      onCreated.run();
    } else if (failure == null) {
      Notices.error(getTranslation("tenants.provision-failed", tenant.code()));
      close();
      onCreated.run();
    } else if (failure instanceof TenantAlreadyExistsException) {
      // said where it is fixed: under the code (the REST API answers 409 with the same message)
      refuse(code, getTranslation("tenant.code.exists"));
    } else if (failure instanceof ValidationException invalid) {
      invalid
          .errors()
          .forEach(
              error -> {
                String message = getTranslation(error.messageKey(), error.arguments());
                HasValidation field = fields.get(error.field());
                if (field == null) {
                  Notices.error(message);
                } else {
                  refuse(field, message);
                }
              });
    } else if (failure instanceof ProblemException problem) {
      Notices.error(getTranslation(problem.messageKey(), problem.arguments()));
    } else {
      Notices.error(getTranslation("problem.internal"));
    }
  }

  /** A refusal on its field; the binder clears it as soon as the field changes. */
  private static void refuse(HasValidation field, String message) {
    field.setErrorMessage(message);
    field.setInvalid(true);
  }

  private void setBusy(boolean busy) {
    progress.setVisible(busy);
    progressText.setText(busy ? getTranslation("tenants.provisioning") : "");
    progressText.setVisible(busy);
    save.setEnabled(!busy);
    cancel.setEnabled(!busy);
    setCloseOnEsc(!busy);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof java.util.concurrent.CompletionException
            || cause instanceof java.util.concurrent.ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
