package cn.shuangyong.ui.budgets;

import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.budgets.api.Expenditure;
import cn.shuangyong.tenants.budgets.api.ExpenditureVouchers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.function.BiFunction;
import java.util.function.LongFunction;

/**
 * The vouchers (凭证) of one expenditure: each one to download, and for the office an upload that
 * keeps a new one (the type decided by its bytes; a refusal is said in words). Once one is kept,
 * the expenditure is evidenced.
 */
final class VoucherDialog extends Dialog {
  private final Div files = new Div();
  private final Span marker = new Span();
  private final LongFunction<ExpenditureVouchers.Download> download;

  VoucherDialog(
      Expenditure expenditure,
      boolean mayAttach,
      BiFunction<String, byte[], Expenditure> attach,
      LongFunction<ExpenditureVouchers.Download> download,
      Runnable changed) {
    this.download = download;
    setId("voucher-dialog");
    setHeaderTitle(getTranslation("budgets.vouchers.title"));
    add(
        new Paragraph(
            expenditure.date()
                + " · "
                + expenditure.category()
                + " · "
                + BudgetLabels.money(expenditure.amount())
                + " · "
                + expenditure.payee()));
    marker.setId("voucher-evidenced");
    files.setId("voucher-files");
    add(marker, files);
    show(expenditure);
    if (mayAttach) {
      UI ui = UI.getCurrent();
      Upload upload = new Upload();
      upload.setId("voucher-upload");
      upload.setMaxFiles(1);
      upload.setMaxFileSize((int) ContentTypes.MAX_BYTES);
      upload.setAcceptedFileTypes("image/*", ".pdf", ".doc", ".docx", ".xls", ".xlsx");
      upload.setDropLabel(new Span(getTranslation("budgets.vouchers.drop")));
      upload.setUploadButton(
          new Button(getTranslation("budgets.vouchers.add"), VaadinIcon.UPLOAD.create()));
      upload.setUploadHandler(
          UploadHandler.inMemory(
              (metadata, content) ->
                  ui.access(
                      () -> {
                        upload.clearFileList();
                        Expenditure kept = attach.apply(metadata.fileName(), content);
                        if (kept != null) {
                          show(kept);
                          changed.run();
                        }
                      })));
      add(upload);
    }
    Button done = new Button(getTranslation("budgets.close"), click -> close());
    done.setId("voucher-close");
    getFooter().add(done);
  }

  private void show(Expenditure expenditure) {
    marker.setText(
        getTranslation(
            expenditure.evidenced() ? "expenditures.evidenced.yes" : "expenditures.evidenced.no"));
    marker.getElement().getThemeList().clear();
    marker
        .getElement()
        .getThemeList()
        .add(expenditure.evidenced() ? "badge success" : "badge contrast");
    files.removeAll();
    if (expenditure.vouchers().isEmpty()) {
      files.add(new Paragraph(getTranslation("budgets.vouchers.none")));
    }
    for (Attachment voucher : expenditure.vouchers()) {
      Anchor link =
          new Anchor(
              DownloadHandler.fromInputStream(
                  event -> {
                    ExpenditureVouchers.Download file = download.apply(voucher.id());
                    return new DownloadResponse(
                        new ByteArrayInputStream(file.content()),
                        voucher.fileName(),
                        voucher.contentType(),
                        file.content().length);
                  }),
              voucher.fileName());
      link.getElement().setAttribute("download", true);
      link.addClassNames("voucher-file");
      files.add(new Div(link));
    }
  }
}
