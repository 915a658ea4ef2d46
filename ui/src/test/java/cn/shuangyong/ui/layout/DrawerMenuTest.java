package cn.shuangyong.ui.layout;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuEntry;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The drawer is what the views declare: every {@code @Menu} view, in order, filtered by the access
 * rules; no browser, the entries are read from the classes as Vaadin's route registry reads them.
 */
class DrawerMenuTest {
  private static final List<MenuEntry> DECLARED = declaredMenu();

  @Test
  void eachRoleSeesTheViewsItMayOpenInMenuOrder() {
    assertThat(titles(user(Role.PLATFORM_ADMIN)))
        .containsExactly(
            "nav.dashboard", "nav.tenants", "nav.accounts", "nav.audit", "nav.profile");
    assertThat(titles(user(Role.SUPERVISOR)))
        .containsExactly(
            "nav.dashboard",
            "nav.region-tenants",
            "nav.needs-board",
            "nav.budgets",
            "nav.audit",
            "nav.profile");
    assertThat(titles(user(Role.GARRISON_LIAISON)))
        .containsExactly(
            "nav.dashboard", "nav.needs-submit", "nav.needs-mine", "nav.projects", "nav.profile");
    assertThat(titles(user(Role.UNIT_HANDLER)))
        .containsExactly("nav.dashboard", "nav.projects", "nav.needs-tasks", "nav.profile");
    assertThat(titles(user(Role.CITY_ADMIN)))
        .containsExactly(
            "nav.dashboard",
            "nav.needs-board",
            "nav.projects",
            "nav.budgets",
            "nav.fund",
            "nav.need-categories",
            "nav.garrison-units",
            "nav.responsible-units",
            "nav.accounts",
            "nav.audit",
            "nav.profile");
  }

  @Test
  void everyMenuViewIsARouteWithATranslatedTitleAndAVaadinIcon() throws IOException {
    Properties chinese = bundle("/i18n/ui.properties");
    Properties english = bundle("/i18n/ui_en.properties");
    assertThat(DECLARED).isNotEmpty();
    for (MenuEntry entry : DECLARED) {
      assertThat(entry.menuClass().isAnnotationPresent(Route.class)).as(entry.path()).isTrue();
      assertThat(entry.icon()).as(entry.path()).matches("vaadin:[a-z-]+");
      for (String key : titleKeys(entry.menuClass(), entry.title())) {
        assertThat(chinese).as(key).containsKey(key);
        assertThat(english).as(key).containsKey(key);
      }
    }
  }

  private static List<String> titles(CurrentUser user) {
    return DrawerMenu.forUser(user, DECLARED).stream().map(DrawerMenu.Item::titleKey).toList();
  }

  private static CurrentUser user(Role role) {
    return new CurrentUser("u", "U", Set.of(role), "pinghu", null, null, null);
  }

  private static List<String> titleKeys(Class<?> view, String title) {
    MenuTitleFor variant = view.getAnnotation(MenuTitleFor.class);
    return variant == null ? List.of(title) : List.of(title, variant.title());
  }

  @SuppressWarnings("unchecked")
  private static List<MenuEntry> declaredMenu() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.shuangyong.ui")
            .stream()
            .filter(type -> type.isAnnotatedWith(Menu.class))
            .map(JavaClass::reflect)
            .map(
                view -> {
                  Menu menu = view.getAnnotation(Menu.class);
                  return new MenuEntry(
                      view.getAnnotation(Route.class).value(),
                      menu.title(),
                      menu.order(),
                      menu.icon(),
                      (Class<? extends Component>) view);
                })
            .sorted(Comparator.comparing(MenuEntry::order))
            .toList();
  }

  private static Properties bundle(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = DrawerMenuTest.class.getResourceAsStream(resource)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }
}
