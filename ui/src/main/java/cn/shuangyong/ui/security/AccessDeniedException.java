package cn.shuangyong.ui.security;

/** A signed-in user tried to open a view its roles do not allow. */
public class AccessDeniedException extends RuntimeException {
  public AccessDeniedException(String view) {
    super("access denied: " + view);
  }
}
