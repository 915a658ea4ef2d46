package cn.shuangyong.ui.budgets;

import cn.shuangyong.platform.sheets.ExcelWriter;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.budgets.api.ExpenditureImport;
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
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The ledger's Excel import on screen: the template to download and the upload. Every row is
 * checked by the service; a refused file shows every bad row with its number and reason, and
 * nothing is saved.
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

  static Upload upload(Component view, ToIntFunction<byte[]> importer, Runnable imported) {
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
                      try {
                        int count = importer.applyAsInt(content);
                        Notices.success(view.getTranslation("budgets.import.done", count));
                        imported.run();
                      } catch (ValidationException invalid) {
                        report(view, invalid);
                      } catch (RuntimeException refused) {
                        Notices.error(Problems.message(view, refused));
                      }
                    })));
    return upload;
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
