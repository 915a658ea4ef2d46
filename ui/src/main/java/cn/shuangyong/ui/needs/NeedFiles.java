package cn.shuangyong.ui.needs;

import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.needs.api.NeedAttachments;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The photos and files of a need being filled in, kept in the form until it is submitted (then
 * stored with the need in one step by {@link NeedAttachments#submitWith}). Each file is checked as
 * it arrives (its bytes, by the attachments' own rules), so an archive named like a photo is
 * refused at once, under the upload, naming the file; the rest stay listed with a remove button. On
 * a phone the upload's {@code accept="image/*"} offers the camera beside the gallery.
 */
final class NeedFiles extends VerticalLayout {
  private final Component view;
  private final Consumer<byte[]> check;
  private final List<NeedAttachments.NewFile> pending = new ArrayList<>();
  private final Upload upload = new Upload();
  private final Div list = new Div();
  private final Span refusal = new Span();

  /**
   * @param view the view whose language the messages use
   * @param check refuses bytes that may not be attached (the service's content type check)
   */
  NeedFiles(Component view, Consumer<byte[]> check) {
    this.view = view;
    this.check = check;
    setId("need-files");
    setPadding(false);
    setSpacing(false);
    Span label = new Span(view.getTranslation("needs.files"));
    label.addClassNames(LumoUtility.FontWeight.MEDIUM, LumoUtility.FontSize.SMALL);
    Span help = new Span(view.getTranslation("needs.files.help"));
    help.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.XSMALL);
    list.setId("need-files-list");
    list.setWidthFull();
    refusal.setId("need-files-error");
    refusal.getElement().setAttribute("role", "alert");
    refusal.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
    setUpUpload();
    add(label, help, list, upload, refusal);
  }

  /** The files to submit with the need, in the order they were added. */
  List<NeedAttachments.NewFile> pending() {
    return List.copyOf(pending);
  }

  private void setUpUpload() {
    UI ui = UI.getCurrent();
    upload.setUploadHandler(
        UploadHandler.inMemory(
            (metadata, content) -> ui.access(() -> received(metadata.fileName(), content))));
    upload.setId("need-files-upload");
    upload.setAcceptedFileTypes(
        "image/*", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".heic");
    upload.setMaxFileSize((int) ContentTypes.MAX_BYTES);
    upload.setMaxFiles(NeedAttachments.MAX_FILES_PER_SUBMISSION);
    upload.setWidthFull();
    Button choose = new Button(view.getTranslation("needs.files.add"), VaadinIcon.CAMERA.create());
    upload.setUploadButton(choose);
    upload.setDropLabel(
        new Span(
            view.getTranslation("needs.files.drop", NeedAttachments.MAX_FILES_PER_SUBMISSION)));
    upload.addFileRejectedListener(
        event ->
            refusal.setText(
                view.getTranslation(
                    "needs.files.too-big",
                    event.getFileName(),
                    ContentTypes.MAX_BYTES / 1024 / 1024)));
    // the list below is the form's own: the upload's list starts empty again for the next photo
    upload.addAllFinishedListener(event -> upload.clearFileList());
  }

  private void received(String fileName, byte[] content) {
    if (pending.size() >= NeedAttachments.MAX_FILES_PER_SUBMISSION) {
      refusal.setText(
          view.getTranslation(
              "needs.files.too-many", NeedAttachments.MAX_FILES_PER_SUBMISSION, fileName));
      return;
    }
    try {
      check.accept(content);
    } catch (RuntimeException refused) {
      refusal.setText(
          view.getTranslation("needs.files.refused", fileName, Problems.message(view, refused)));
      return;
    }
    // a refusal stays until the next one: a photo chosen with it must not hide it
    NeedAttachments.NewFile file = new NeedAttachments.NewFile(fileName, content);
    pending.add(file);
    list.add(line(file));
  }

  private Div line(NeedAttachments.NewFile file) {
    Span name = new Span(file.fileName());
    name.addClassName("need-file-name");
    Span size = new Span(" · " + Math.max(1, file.content().length / 1024) + " KB ");
    size.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    Div line = new Div(VaadinIcon.PAPERCLIP.create(), new Span(" "), name, size);
    Button remove = new Button(view.getTranslation("needs.files.remove"));
    remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
    remove
        .getElement()
        .setAttribute(
            "aria-label", view.getTranslation("needs.files.remove") + " " + file.fileName());
    remove.addClickListener(
        click -> {
          pending.remove(file);
          list.remove(line);
        });
    line.add(remove);
    line.addClassNames(LumoUtility.Padding.Vertical.XSMALL);
    return line;
  }
}
