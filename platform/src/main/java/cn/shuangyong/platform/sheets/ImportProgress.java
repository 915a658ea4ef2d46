package cn.shuangyong.platform.sheets;

/**
 * Where a long import has got to, for a screen that shows it while the file is read, its rows
 * checked and then saved. Called on the importing thread; a listener hands it over to its own.
 */
@FunctionalInterface
public interface ImportProgress {
  /** The steps of an import, in order. */
  enum Stage {
    READING,
    CHECKING,
    SAVING
  }

  /** {@code done} of {@code total} rows (both 0 while the file is read). */
  void reached(Stage stage, int done, int total);

  /** For callers that show nothing. */
  static ImportProgress none() {
    return (stage, done, total) -> {};
  }
}
