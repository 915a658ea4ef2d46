package cn.shuangyong.ui.units;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.units.api.UnitContact;
import cn.shuangyong.tenants.units.api.UnitService;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.MaskedValue;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import jakarta.validation.ConstraintViolationException;
import java.util.List;

/**
 * The shared screen of 驻军单位 and 责任单位: a searchable grid; the city admin adds, edits and deletes
 * (with confirmation), city staff only read. Every rule (who may write, names unique, a unit in use
 * cannot go) is the unit service's; this view shows its answers.
 */
abstract class UnitsView<K> extends VerticalLayout implements HasDynamicTitle {
  protected final CurrentUser user;
  private final Grid<UnitRow<K>> grid = new Grid<>();
  private final TextField search = new TextField();
  private Runnable emptyState = () -> {};

  protected UnitsView() {
    this.user = UiSession.requireUser();
  }

  /** Builds the screen; called by the subclass constructor once its services are set. */
  protected void build() {
    setSizeFull();
    boolean mayWrite = user.has(Role.CITY_ADMIN);
    search.setPlaceholder(getTranslation("unit.search"));
    search.setId("unit-search");
    search.setPrefixComponent(VaadinIcon.SEARCH.create());
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(event -> refresh());
    HorizontalLayout toolbar = new HorizontalLayout(search);
    toolbar.setAlignItems(Alignment.BASELINE);
    if (mayWrite) {
      Button add = new Button(getTranslation("action.create"), VaadinIcon.PLUS.create());
      add.setId("create-unit");
      add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      add.addClickListener(click -> openForm(null));
      toolbar.add(add);
    }
    grid.addColumn(UnitRow::name).setHeader(getTranslation("unit.name")).setFlexGrow(3);
    grid.addColumn(row -> kindLabel(row.kind())).setHeader(kindHeader()).setFlexGrow(1);
    grid.addColumn(UnitRow::contactName).setHeader(getTranslation("unit.contact-name"));
    grid.addComponentColumn(this::contactPhone)
        .setHeader(getTranslation("unit.contact-phone"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::sampleBadge).setHeader("").setFlexGrow(0).setAutoWidth(true);
    if (mayWrite) {
      grid.addComponentColumn(this::boundAccounts).setFlexGrow(0).setAutoWidth(true);
      grid.addComponentColumn(this::actions).setFlexGrow(0).setAutoWidth(true);
    }
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();
    EmptyState nothingYet =
        EmptyState.nothingYet(
            getTranslation(
                mayWrite ? "unit.empty" : "unit.empty.read-only", getTranslation(titleKey())));
    if (mayWrite) {
      nothingYet.withAction(getTranslation("unit.create"), VaadinIcon.PLUS, () -> openForm(null));
    }
    emptyState =
        EmptyState.on(
            grid,
            () -> search.getValue() != null && !search.getValue().isBlank(),
            nothingYet,
            EmptyState.noMatch(
                getTranslation("unit.empty.no-match"),
                getTranslation("empty.clear-filters"),
                search::clear));
    add(ViewTitle.of(getTranslation(titleKey())), toolbar, grid);
    refresh();
  }

  protected abstract String titleKey();

  /** The accounts view's parameter naming a unit of this kind (the accounts bound to it). */
  protected abstract String accountsParameter();

  private com.vaadin.flow.component.Component boundAccounts(UnitRow<K> row) {
    com.vaadin.flow.router.RouterLink link =
        new com.vaadin.flow.router.RouterLink(
            getTranslation("accounts.bound"), cn.shuangyong.ui.accounts.AccountsView.class);
    link.setQueryParameters(
        com.vaadin.flow.router.QueryParameters.of(accountsParameter(), String.valueOf(row.id())));
    link.addClassName("unit-accounts");
    return link;
  }

  protected abstract String kindHeader();

  protected abstract String kindLabel(K kind);

  protected abstract K[] kinds();

  protected abstract List<UnitRow<K>> list(String query);

  /** The unit's contact in plain: the service checks the caller and audits the unmasking. */
  protected abstract UnitContact contact(long id);

  protected abstract void create(UnitDraft<K> draft);

  protected abstract void update(long id, UnitDraft<K> draft);

  protected abstract void delete(long id);

  @Override
  public String getPageTitle() {
    return getTranslation(titleKey()) + " · " + getTranslation("app.name");
  }

  private void refresh() {
    emptyState.run();
    grid.setItems(list(search.getValue()));
  }

  /**
   * The phone as the service answers it, masked; for the city office a 显示 button beside it asks the
   * service for the plain number (audited as PERSONAL_DATA_UNMASKED) and shows it in place.
   */
  private Component contactPhone(UnitRow<K> row) {
    return new MaskedValue(
        "contact-phone-" + row.id(),
        "show-contact-" + row.id(),
        row.contactPhone(),
        UnitService.mayUnmask(user),
        () -> contact(row.id()).contactPhone());
  }

  private Component sampleBadge(UnitRow<K> row) {
    Span badge = new Span(row.sample() ? getTranslation("unit.sample") : "");
    if (row.sample()) {
      badge.getElement().getThemeList().add("badge contrast small");
    }
    return badge;
  }

  private Component actions(UnitRow<K> row) {
    Button edit = new Button(VaadinIcon.EDIT.create(), click -> openForm(row));
    edit.setAriaLabel(getTranslation("action.edit"));
    edit.setTooltipText(getTranslation("action.edit"));
    Button delete = new Button(VaadinIcon.TRASH.create(), click -> confirmDelete(row));
    delete.setAriaLabel(getTranslation("action.delete"));
    delete.setTooltipText(getTranslation("action.delete"));
    delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
    edit.setId("edit-unit-" + row.id());
    delete.setId("delete-unit-" + row.id());
    for (Button button : new Button[] {edit, delete}) {
      button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
    }
    return new HorizontalLayout(edit, delete);
  }

  private void openForm(UnitRow<K> existing) {
    UnitDraft<K> draft = existing == null ? new UnitDraft<>() : UnitDraft.of(existing);
    String title = getTranslation(existing == null ? "unit.create" : "unit.edit");
    UnitFormDialog<K>[] dialog = newDialogHolder();
    dialog[0] =
        new UnitFormDialog<>(
            title,
            kindHeader(),
            kinds(),
            this::kindLabel,
            draft,
            valid -> {
              try {
                if (existing == null) {
                  create(valid);
                } else {
                  update(existing.id(), valid);
                }
                Notices.success(getTranslation("unit.saved", valid.name().trim()));
                refresh();
                return true;
              } catch (ValidationException invalid) {
                invalid
                    .errors()
                    .forEach(
                        error -> {
                          String message = getTranslation(error.messageKey(), error.arguments());
                          if ("name".equals(error.field())) {
                            dialog[0].nameRefused(message);
                          } else {
                            Notices.error(message);
                          }
                        });
                return false;
              } catch (ProblemException problem) {
                Notices.error(getTranslation(problem.messageKey(), problem.arguments()));
                return false;
              } catch (ConstraintViolationException violation) {
                Notices.error(getTranslation("problem.validation"));
                return false;
              }
            });
    dialog[0].open();
  }

  private void confirmDelete(UnitRow<K> row) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setHeader(getTranslation("unit.delete.title"));
    confirm.setText(getTranslation("unit.delete.text", row.name()));
    confirm.setCancelable(true);
    confirm.setCancelText(getTranslation("action.cancel"));
    Button confirmButton = new Button(getTranslation("action.delete"));
    confirmButton.setId("confirm-delete");
    confirmButton.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    confirm.setConfirmButton(confirmButton);
    confirm.addConfirmListener(
        event -> {
          try {
            delete(row.id());
            Notices.success(getTranslation("unit.deleted", row.name()));
          } catch (ProblemException refused) {
            Notices.error(getTranslation(refused.messageKey(), refused.arguments()));
          }
          refresh();
        });
    confirm.open();
  }

  @SuppressWarnings("unchecked")
  private UnitFormDialog<K>[] newDialogHolder() {
    return (UnitFormDialog<K>[]) new UnitFormDialog<?>[1];
  }
}
