package cn.shuangyong.ui.budgets;

import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.budgets.api.ExpenditureImport;
import cn.shuangyong.ui.support.ImportProgressDialog;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The ledger's Excel import on screen: the template to download and the upload. Every row is
 * checked by the service while a dialog shows how far it has got; a refused file shows every bad
 * row with its number and reason, and nothing is saved.
 */
final class LedgerImport {
  private LedgerImport() {}

  static Anchor template(Component view, Supplier<byte[]> template) {
    Anchor anchor =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  byte[] bytes = template.get();
                  return new DownloadResponse(
                      new ByteArrayInputStream(bytes),
                      "expenditures-import-template.xlsx",
                      ExcelWriter.XLSX,
                      bytes.length);
                }),
            "");
    anchor.setId("ledger-import-template");
    anchor.getElement().setAttribute("download", true);
    anchor.add(
        new Button(view.getTranslation("budgets.import.template"), VaadinIcon.FILE_TABLE.create()));
    return anchor;
  }

  /**
   * The upload: the import runs on {@code executor}, off the UI thread, while a dialog shows how
   * far the check has got; then the count, or every bad row.
   */
  static Upload upload(
      Component view,
      ExpenditureImport importer,
      Supplier<TenantContext> tenant,
      Runnable imported,
      Executor executor) {
    UI ui = UI.getCurrent();
    Upload upload = new Upload();
    upload.setId("ledger-import");
    upload.setAcceptedFileTypes(".xlsx", ExcelWriter.XLSX);
    upload.setMaxFiles(1);
    upload.setMaxFileSize((int) ExpenditureImport.MAX_BYTES);
    upload.setDropAllowed(false);
    upload.setUploadButton(
        new Button(view.getTranslation("budgets.import"), VaadinIcon.UPLOAD.create()));
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, content) ->
                ui.access(
                    () -> {
                      upload.clearFileList();
                      ImportProgressDialog progress = new ImportProgressDialog(ui);
                      progress.start();
                      TenantContext context = tenant.get();
                      CompletableFuture.supplyAsync(
                              () ->
                                  importer.importLedger(
                                      context,
                                      new ByteArrayInputStream(content),
                                      content.length,
                                      progress.progress()),
                              executor)
                          .whenComplete(
                              (count, failure) ->
                                  ui.access(
                                      () -> {
                                        progress.finish();
                                        finish(view, count, failure, imported);
                                      }));
                    })));
    return upload;
  }

  private static void finish(Component view, Integer count, Throwable failure, Runnable imported) {
    Throwable cause = failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
    if (cause == null) {
      Notices.success(view.getTranslation("budgets.import.done", count));
      imported.run();
    } else if (cause instanceof ValidationException invalid) {
      report(view, invalid);
    } else if (cause instanceof RuntimeException refused) {
      Notices.error(Problems.message(view, refused));
    } else {
      throw new IllegalStateException(cause);
    }
  }

  private static void report(Component view, ValidationException invalid) {
    UnorderedList rows = new UnorderedList();
    invalid
        .errors()
        .forEach(
            error ->
                rows.add(new ListItem(view.getTranslation(error.messageKey(), error.arguments()))));
    Dialog dialog = new Dialog();
    dialog.setId("ledger-import-errors");
    dialog.setHeaderTitle(view.getTranslation("budgets.import.errors"));
    dialog.setWidth("min(40em, 95vw)");
    dialog.add(rows);
    dialog
        .getFooter()
        .add(new Button(view.getTranslation("budgets.close"), click -> dialog.close()));
    dialog.open();
  }
}
