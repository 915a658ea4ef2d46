package cn.shuangyong.ui.support;

import cn.shuangyong.platform.sheets.ImportProgress;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.Command;

/**
 * Where a long import has got to, while it runs off the UI thread: reading the file, the rows
 * checked of all (a bar that fills) and saving. The page has no push, so the UI polls while it is
 * open; {@link #progress()} is the listener to hand to the import.
 */
public final class ImportProgressDialog extends Dialog {
  private static final int POLL_MILLIS = 300;
  private final UI ui;
  private final ProgressBar bar = new ProgressBar();
  private final Span text = new Span();
  private int pollMillisBefore = -1;

  public ImportProgressDialog(UI ui) {
    this.ui = ui;
    setId("import-progress");
    setHeaderTitle(getTranslation("import.progress.title"));
    setCloseOnEsc(false);
    setCloseOnOutsideClick(false);
    setWidth("min(28em, 95vw)");
    text.setId("import-progress-text");
    bar.setId("import-progress-bar");
    bar.setIndeterminate(true);
    bar.getElement().setAttribute("aria-label", getTranslation("import.progress.title"));
    add(text, bar);
  }

  /** Opens the dialog and makes the UI poll; call on the UI thread. */
  public void start() {
    pollMillisBefore = ui.getPollInterval();
    ui.setPollInterval(POLL_MILLIS);
    show(ImportProgress.Stage.READING, 0, 0);
    open();
  }

  /** Closes the dialog and gives the UI back its polling; call on the UI thread. */
  public void finish() {
    ui.setPollInterval(pollMillisBefore);
    close();
  }

  /** The listener for the import: each report is shown on the UI thread. */
  public ImportProgress progress() {
    return (stage, done, total) -> later(() -> show(stage, done, total));
  }

  private void show(ImportProgress.Stage stage, int done, int total) {
    switch (stage) {
      case READING -> {
        bar.setIndeterminate(true);
        text.setText(getTranslation("import.progress.reading"));
      }
      case CHECKING -> {
        bar.setIndeterminate(false);
        bar.setValue(total == 0 ? 0 : (double) done / total);
        text.setText(getTranslation("import.progress.checking", done, total));
      }
      case SAVING -> {
        bar.setIndeterminate(true);
        text.setText(getTranslation("import.progress.saving", total));
      }
    }
  }

  private void later(Command command) {
    try {
      ui.access(command);
    } catch (UIDetachedException gone) {
      // the user left the page: the import goes on, nobody is there to see how far
    }
  }
}
