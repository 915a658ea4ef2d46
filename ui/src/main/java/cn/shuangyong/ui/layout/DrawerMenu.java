package cn.shuangyong.ui.layout;

import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.ui.security.AccessRules;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import java.util.List;

/**
 * The drawer's entries: every view that declares Vaadin's {@code @Menu(title = bundle key, order,
 * icon = "vaadin:…")}, in menu order, that the user's roles may open ({@link AccessRules}, the rule
 * of the access guard). A new view appears by its annotations alone.
 */
final class DrawerMenu {
  /** One entry: the view, its title's bundle key for this user, its icon. */
  record Item(Class<? extends Component> view, String titleKey, String icon) {}

  private DrawerMenu() {}

  /** Vaadin's menu (read from the registered routes) for the current UI, filtered for the user. */
  static List<Item> forUser(CurrentUser user) {
    return forUser(user, MenuConfiguration.getMenuEntries());
  }

  static List<Item> forUser(CurrentUser user, List<MenuEntry> entries) {
    return entries.stream()
        .filter(entry -> entry.menuClass() != null)
        .filter(entry -> AccessRules.mayEnter(user, entry.menuClass()))
        .map(entry -> new Item(entry.menuClass(), titleKey(user, entry), entry.icon()))
        .toList();
  }

  private static String titleKey(CurrentUser user, MenuEntry entry) {
    MenuTitleFor variant = entry.menuClass().getAnnotation(MenuTitleFor.class);
    return variant != null && user.has(variant.role()) ? variant.title() : entry.title();
  }
}
