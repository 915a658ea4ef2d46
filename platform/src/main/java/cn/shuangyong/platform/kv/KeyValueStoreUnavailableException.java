package cn.shuangyong.platform.kv;

/** The shared store did not answer in time; callers fall back to the database or to defaults. */
public class KeyValueStoreUnavailableException extends RuntimeException {
  public KeyValueStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
