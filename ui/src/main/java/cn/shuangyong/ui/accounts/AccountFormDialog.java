package cn.shuangyong.ui.accounts;

import cn.shuangyong.platform.accounts.api.Account;
import cn.shuangyong.platform.accounts.api.AccountChanges;
import cn.shuangyong.platform.accounts.api.AccountForm;
import cn.shuangyong.platform.accounts.api.AccountService;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Create or edit an account: login name (on create), name, roles the caller may grant, the unit a
 * role needs, contact. The account service decides; its refusals show on the fields.
 */
class AccountFormDialog extends Dialog {
  private final AccountService accounts;
  private final String tenant;
  private final Account account;
  private final Consumer<Object> saved;
  private final TextField username = new TextField();
  private final TextField displayName = new TextField();
  private final CheckboxGroup<Role> roles = new CheckboxGroup<>();
  private final ComboBox<Long> garrisonUnit = new ComboBox<>();
  private final ComboBox<Long> responsibleUnit = new ComboBox<>();
  private final TextField region = new TextField();
  private final TextField phone = new TextField();
  private final EmailField email = new EmailField();

  AccountFormDialog(
      AccountService accounts,
      String tenant,
      Account account,
      Set<Role> grantable,
      Map<Long, String> garrisonNames,
      Map<Long, String> responsibleNames,
      Consumer<Object> saved) {
    this.accounts = accounts;
    this.tenant = tenant;
    this.account = account;
    this.saved = saved;
    setId("account-form");
    setHeaderTitle(getTranslation(account == null ? "accounts.create" : "accounts.edit"));
    username.setLabel(getTranslation("account.username"));
    username.setId("account-username");
    displayName.setLabel(getTranslation("account.display-name"));
    displayName.setId("account-display-name");
    roles.setLabel(getTranslation("account.roles"));
    roles.setId("account-roles");
    roles.setItems(grantable);
    roles.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
    garrisonUnit.setLabel(getTranslation("account.garrison-unit"));
    garrisonUnit.setId("account-garrison-unit");
    garrisonUnit.setItems(garrisonNames.keySet());
    garrisonUnit.setItemLabelGenerator(id -> garrisonNames.getOrDefault(id, "#" + id));
    responsibleUnit.setLabel(getTranslation("account.responsible-unit"));
    responsibleUnit.setId("account-responsible-unit");
    responsibleUnit.setItems(responsibleNames.keySet());
    responsibleUnit.setItemLabelGenerator(id -> responsibleNames.getOrDefault(id, "#" + id));
    region.setLabel(getTranslation("account.region"));
    phone.setLabel(getTranslation("account.phone"));
    email.setLabel(getTranslation("account.email"));
    FormLayout form = new FormLayout(username, displayName, roles);
    if (tenant == null) {
      form.add(region);
    } else {
      form.add(garrisonUnit, responsibleUnit);
    }
    form.add(phone, email);
    add(form);
    if (account != null) {
      fill(account);
    }
    Button save = new Button(getTranslation("accounts.save"), click -> save());
    save.setId("save-account");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
  }

  private void fill(Account account) {
    username.setValue(account.username());
    username.setReadOnly(true);
    displayName.setValue(account.displayName());
    roles.setValue(account.roles().stream().map(Role::valueOf).collect(Collectors.toSet()));
    garrisonUnit.setValue(account.garrisonUnitId());
    responsibleUnit.setValue(account.responsibleUnitId());
    region.setValue(account.region() == null ? "" : account.region());
    // the list shows the phone masked: left empty, the edit keeps no masked number
    email.setValue(account.email() == null ? "" : account.email());
  }

  private void save() {
    Set<String> roleNames = roles.getValue().stream().map(Role::name).collect(Collectors.toSet());
    Map<String, com.vaadin.flow.component.HasValidation> fields = new HashMap<>();
    fields.put("username", username);
    fields.put("displayName", displayName);
    fields.put("roles", roles);
    fields.put("garrisonUnitId", garrisonUnit);
    fields.put("responsibleUnitId", responsibleUnit);
    fields.put("region", region);
    fields.put("phone", phone);
    Object result =
        Problems.attempt(
            this,
            fields,
            () ->
                account == null
                    ? accounts.create(
                        UiActor.current(),
                        tenant,
                        new AccountForm(
                            username.getValue(),
                            displayName.getValue(),
                            roleNames,
                            garrisonUnit.getValue(),
                            responsibleUnit.getValue(),
                            phone.getValue(),
                            email.getValue(),
                            region.getValue()))
                    : accounts.update(
                        UiActor.current(),
                        tenant,
                        account.id(),
                        new AccountChanges(
                            displayName.getValue(),
                            roleNames,
                            garrisonUnit.getValue(),
                            responsibleUnit.getValue(),
                            phone.getValue().isBlank() ? null : phone.getValue(),
                            email.getValue(),
                            region.getValue())));
    if (result != null) {
      close();
      saved.accept(result);
    }
  }
}
