package cn.shuangyong.ui.audit;

import com.vaadin.flow.component.Component;
import io.micronaut.core.annotation.Nullable;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * The audit trail's codes as the admin reads them: actions and results as words from the bundles
 * (an action no bundle names yet shows its code, so a new one is never hidden), and addresses as
 * people write them: Java records the IPv6 loopback as {@code 0:0:0:0:0:0:0:1} and an IPv4 client
 * of a dual-stack socket as {@code ::ffff:10.0.0.5}, which nobody recognises as "this machine" or
 * "10.0.0.5".
 */
final class AuditLabels {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]+(:\\d{1,3}(\\.\\d{1,3}){3})?");
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");
  static final String LOOPBACK = "127.0.0.1";

  private static final String ACTION = "audit.action.";

  private AuditLabels() {}

  /**
   * The action codes the bundles name ({@code audit.action.<CODE>}), sorted: what the audit view's
   * action filter offers, each shown in words. The keys are the same in every language's bundle.
   */
  static List<String> actions() {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "i18n.ui",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return Collections.list(bundle.getKeys()).stream()
        .filter(key -> key.startsWith(ACTION) && key.length() > ACTION.length())
        .map(key -> key.substring(ACTION.length()))
        .sorted()
        .toList();
  }

  /** The action's words ({@code audit.action.LOGIN_FAILED} → 登录失败), or the code itself. */
  static String action(Component component, @Nullable String code) {
    return word(component, ACTION, code);
  }

  /** A field of a changed record in words ({@code displayName} → 姓名), or its name itself. */
  static String field(Component component, String name) {
    return word(component, "audit.field.", name);
  }

  /**
   * A value of a changed record: a role or an account status in words ({@code CITY_ADMIN} →
   * 双拥办管理员), anything else as it was recorded.
   */
  static String value(Component component, String value) {
    if (!CODE.matcher(value).matches()) {
      return value;
    }
    String role = word(component, "role.", value);
    return role.equals(value) ? word(component, "account.status.", value) : role;
  }

  /** SUCCESS, FAILURE, DENIED as words, or the code itself. */
  static String result(Component component, @Nullable String code) {
    return word(component, "audit.result.", code);
  }

  private static String word(Component component, String prefix, @Nullable String code) {
    if (code == null || code.isBlank()) {
      return "";
    }
    String key = prefix + code;
    String text = component.getTranslation(key);
    return text == null || text.equals(key) ? code : text;
  }

  /** The address with "(本机)" / "(this machine)" after a loopback one. */
  static String ip(Component component, @Nullable String raw) {
    String address = normalisedIp(raw);
    return isLoopback(address)
        ? address + " (" + component.getTranslation("audit.ip.loopback") + ")"
        : address;
  }

  /**
   * An address as written by people: IPv6 loopback as {@code 127.0.0.1}, an IPv4-mapped IPv6
   * address as its IPv4 address, other IPv6 addresses in their short form (RFC 5952: lower case, no
   * leading zeros, the longest run of zero groups as {@code ::}); anything else as it came.
   */
  static String normalisedIp(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String text = raw.trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    int zone = text.indexOf('%');
    if (zone > 0) {
      text = text.substring(0, zone);
    }
    if (IPV4.matcher(text).matches() || !text.contains(":") || !IPV6.matcher(text).matches()) {
      return text;
    }
    int[] groups = groups(text);
    if (groups == null) {
      return raw.trim();
    }
    if (isAllZeroExceptLast(groups, 1)) {
      return LOOPBACK;
    }
    if (groups[0] == 0
        && groups[1] == 0
        && groups[2] == 0
        && groups[3] == 0
        && groups[4] == 0
        && groups[5] == 0xffff) {
      return (groups[6] >> 8)
          + "."
          + (groups[6] & 0xff)
          + "."
          + (groups[7] >> 8)
          + "."
          + (groups[7] & 0xff);
    }
    return compressed(groups);
  }

  static boolean isLoopback(String address) {
    return address.startsWith("127.") && IPV4.matcher(address).matches();
  }

  private static boolean isAllZeroExceptLast(int[] groups, int last) {
    for (int i = 0; i < 7; i++) {
      if (groups[i] != 0) {
        return false;
      }
    }
    return groups[7] == last;
  }

  /** The eight 16-bit groups of an IPv6 literal (with an optional dotted IPv4 tail), or null. */
  private static int[] groups(String text) {
    String body = text.toLowerCase(Locale.ROOT);
    int[] tail = null;
    int lastColon = body.lastIndexOf(':');
    String last = body.substring(lastColon + 1);
    if (IPV4.matcher(last).matches()) {
      String[] octets = last.split("\\.");
      int[] bytes = new int[4];
      for (int i = 0; i < 4; i++) {
        bytes[i] = Integer.parseInt(octets[i]);
        if (bytes[i] > 255) {
          return null;
        }
      }
      tail = new int[] {bytes[0] << 8 | bytes[1], bytes[2] << 8 | bytes[3]};
      body = body.substring(0, lastColon + 1) + "0:0";
    }
    int gap = body.indexOf("::");
    if (gap != body.lastIndexOf("::")) {
      return null;
    }
    String[] head = gap < 0 ? body.split(":", -1) : splitGroups(body.substring(0, gap));
    String[] rest = gap < 0 ? new String[0] : splitGroups(body.substring(gap + 2));
    int missing = 8 - head.length - rest.length;
    if ((gap < 0 && missing != 0) || (gap >= 0 && missing < 1)) {
      return null;
    }
    int[] groups = new int[8];
    int at = 0;
    for (String group : head) {
      groups[at++] = hex(group);
    }
    at += gap < 0 ? 0 : missing;
    for (String group : rest) {
      groups[at++] = hex(group);
    }
    for (int group : groups) {
      if (group < 0) {
        return null;
      }
    }
    if (tail != null) {
      groups[6] = tail[0];
      groups[7] = tail[1];
    }
    return groups;
  }

  private static String[] splitGroups(String part) {
    return part.isEmpty() ? new String[0] : part.split(":", -1);
  }

  private static int hex(String group) {
    if (group.isEmpty() || group.length() > 4) {
      return -1;
    }
    return Integer.parseInt(group, 16);
  }

  private static String compressed(int[] groups) {
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened (RFC 5952)
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
