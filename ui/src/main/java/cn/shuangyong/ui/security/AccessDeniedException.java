package cn.shuangyong.ui.security;

/** A signed-in user tried to open a view its roles do not allow. */
public class AccessDeniedException extends RuntimeException {
  /** Vaadin builds error exceptions reflectively when rerouting. */
  public AccessDeniedException() {
    super("access denied");
  }

  public AccessDeniedException(String view) {
    super("access denied: " + view);
  }
}
