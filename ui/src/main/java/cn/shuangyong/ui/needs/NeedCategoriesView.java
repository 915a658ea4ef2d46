package cn.shuangyong.ui.needs;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.tenants.needs.api.NeedCategories;
import cn.shuangyong.tenants.needs.api.NeedCategories.Category;
import cn.shuangyong.tenants.needs.api.NeedCategories.CategoryForm;
import cn.shuangyong.ui.layout.MainLayout;
import cn.shuangyong.ui.security.RequiresRole;
import cn.shuangyong.ui.security.TenantAccess;
import cn.shuangyong.ui.security.UiSession;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import cn.shuangyong.ui.support.ViewTitle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import java.util.Map;

/**
 * The city's own need categories (营区建设, 官兵出行, …): the city admin adds, renames, reorders and
 * retires them; a retired one stays on the needs that carry it.
 */
@Prototype
@Route(value = "needs/categories", layout = MainLayout.class)
@Menu(title = "nav.need-categories", order = 60, icon = "vaadin:tags")
@RequiresRole(Role.CITY_ADMIN)
public class NeedCategoriesView extends VerticalLayout implements HasDynamicTitle {
  private final NeedCategories categories;
  private final CurrentUser user;
  private final Grid<Category> grid = new Grid<>();

  private final TenantAccess access;

  public NeedCategoriesView(TenantAccess access, NeedCategories categories) {
    this.access = access;
    this.categories = categories;
    this.user = UiSession.requireUser();
    setId("need-categories");
    setSizeFull();
    grid.addColumn(Category::name).setHeader(getTranslation("categories.name")).setFlexGrow(1);
    grid.addColumn(Category::sortOrder)
        .setHeader(getTranslation("categories.order"))
        .setAutoWidth(true);
    grid.addColumn(c -> getTranslation(c.active() ? "categories.active" : "categories.retired"))
        .setHeader(getTranslation("categories.state"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            c -> {
              Button edit = new Button(VaadinIcon.EDIT.create(), click -> open(c));
              edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
              edit.getElement().setAttribute("aria-label", getTranslation("categories.edit"));
              return edit;
            })
        .setAutoWidth(true);
    Button add =
        new Button(getTranslation("categories.add"), VaadinIcon.PLUS.create(), click -> open(null));
    add.setId("category-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    EmptyState.on(
        grid,
        EmptyState.nothingYet(getTranslation("categories.empty"))
            .withAction(getTranslation("categories.add"), VaadinIcon.PLUS, () -> open(null)));
    add(ViewTitle.of(getTranslation("categories.title")), add, grid);
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("categories.title");
  }

  private void refresh() {
    grid.setItems(categories.all(access.own()));
  }

  /** A small form: name, order and (when editing) whether the category is still offered. */
  private void open(Category existing) {
    Dialog dialog =
        new Dialog(getTranslation(existing == null ? "categories.add" : "categories.edit"));
    TextField name = new TextField(getTranslation("categories.name"));
    name.setId("category-name");
    name.setMaxLength(50);
    name.setRequired(true);
    IntegerField order = new IntegerField(getTranslation("categories.order"));
    order.setMin(0);
    order.setMax(100000);
    Checkbox active = new Checkbox(getTranslation("categories.active"), true);
    if (existing != null) {
      name.setValue(existing.name());
      order.setValue(existing.sortOrder());
      active.setValue(existing.active());
    }
    Button save =
        new Button(
            getTranslation("categories.save"),
            click -> {
              if (name.getValue().isBlank()) {
                name.setErrorMessage(getTranslation("validation.NotBlank"));
                name.setInvalid(true);
                return;
              }
              CategoryForm form =
                  new CategoryForm(name.getValue(), order.getValue(), active.getValue());
              Category saved =
                  Problems.attempt(
                      this,
                      Map.of("name", name),
                      () ->
                          existing == null
                              ? categories.add(access.own(), form)
                              : categories.update(access.own(), existing.id(), form));
              if (saved != null) {
                dialog.close();
                Notices.success(getTranslation("categories.saved", saved.name()));
                refresh();
              }
            });
    save.setId("category-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.add(new VerticalLayout(name, order, active));
    dialog
        .getFooter()
        .add(new Button(getTranslation("categories.cancel"), click -> dialog.close()), save);
    dialog.open();
  }
}
