package cn.shuangyong.ui.projects;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.time.ChinaTime;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.projects.api.ProjectAttachments;
import cn.shuangyong.ui.support.EmptyState;
import cn.shuangyong.ui.support.Notices;
import cn.shuangyong.ui.support.PersonLabels;
import cn.shuangyong.ui.support.Problems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/**
 * A project's photos, PDF and Office files: each a download link with its size, who uploaded it and
 * when; the office uploads more (checked by their bytes on the server, a refusal named at once) and
 * takes one off after confirming. Each step lands in the project's timeline.
 */
final class ProjectFilesSection extends VerticalLayout {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ChinaTime.ZONE);
  private final Component view;
  private final ProjectAttachments attachments;
  private final Supplier<TenantContext> tenant;
  private final Runnable changed;

  ProjectFilesSection(
      Component view,
      ProjectAttachments attachments,
      Supplier<TenantContext> tenant,
      Runnable changed) {
    this.view = view;
    this.attachments = attachments;
    this.tenant = tenant;
    this.changed = changed;
    setId("project-attachments");
    setPadding(false);
  }

  ProjectFilesSection show(long projectId, boolean office) {
    removeAll();
    List<Attachment> files = attachments.list(tenant.get(), projectId);
    if (files.isEmpty()) {
      add(EmptyState.nothingYet(view.getTranslation("projects.attachments.empty")));
    }
    for (Attachment file : files) {
      add(line(projectId, file, office));
    }
    if (office) {
      add(upload(projectId));
    }
    return this;
  }

  private Div line(long projectId, Attachment file, boolean office) {
    Anchor link =
        new Anchor(
            DownloadHandler.fromInputStream(
                event -> {
                  ProjectAttachments.Download download =
                      attachments.download(tenant.get(), projectId, file.id());
                  return new DownloadResponse(
                      new ByteArrayInputStream(download.content()),
                      file.fileName(),
                      file.contentType(),
                      download.content().length);
                }),
            file.fileName());
    link.getElement().setAttribute("download", true);
    link.addClassName("project-attachment-name");
    Span meta =
        new Span(
            new Span(" · " + Math.max(1, file.sizeBytes() / 1024) + " KB · "),
            PersonLabels.span(view, file.createdByPerson(), file.createdBy()),
            new Span(" · " + WHEN.format(file.createdAt()) + " "));
    meta.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    Div line = new Div(VaadinIcon.PAPERCLIP.create(), new Span(" "), link, meta);
    line.addClassName("project-attachment");
    if (office) {
      Button delete = new Button(view.getTranslation("projects.attachment.delete"));
      delete.addClassName("project-attachment-delete");
      delete.addThemeVariants(
          ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      delete
          .getElement()
          .setAttribute(
              "aria-label",
              view.getTranslation("projects.attachment.delete") + " " + file.fileName());
      delete.addClickListener(click -> confirmDelete(projectId, file));
      line.add(delete);
    }
    return line;
  }

  private void confirmDelete(long projectId, Attachment file) {
    ConfirmDialog confirm = new ConfirmDialog();
    confirm.setHeader(view.getTranslation("projects.attachment.delete.title"));
    confirm.setText(view.getTranslation("projects.attachment.delete.text", file.fileName()));
    confirm.setCancelable(true);
    confirm.setCancelText(view.getTranslation("projects.close"));
    Button yes = new Button(view.getTranslation("projects.attachment.delete"));
    yes.setId("project-attachment-delete-confirm");
    yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    confirm.setConfirmButton(yes);
    confirm.addConfirmListener(
        event -> {
          Boolean done =
              Problems.attempt(
                  view,
                  () -> {
                    attachments.delete(tenant.get(), projectId, file.id());
                    return Boolean.TRUE;
                  });
          if (done != null) {
            Notices.success(view.getTranslation("projects.attachment.deleted", file.fileName()));
            changed.run();
          }
        });
    confirm.open();
  }

  private Upload upload(long projectId) {
    UI ui = UI.getCurrent();
    Upload upload =
        new Upload(
            UploadHandler.inMemory(
                (metadata, content) -> {
                  String error = null;
                  String added = null;
                  try {
                    added =
                        attachments
                            .add(tenant.get(), projectId, metadata.fileName(), content)
                            .fileName();
                  } catch (RuntimeException refused) {
                    error = Problems.message(view, refused);
                  }
                  String failure = error;
                  String name = added;
                  ui.access(
                      () -> {
                        if (failure != null) {
                          Notices.error(failure);
                        } else {
                          Notices.success(view.getTranslation("projects.attachment.added", name));
                          changed.run();
                        }
                      });
                }));
    upload.setId("project-upload");
    upload.setMaxFileSize((int) ContentTypes.MAX_BYTES);
    upload.setAcceptedFileTypes(
        "image/*", ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".heic");
    upload.setUploadButton(new Button(view.getTranslation("projects.attachment.upload")));
    upload.setDropLabel(new Span(view.getTranslation("projects.attachment.drop")));
    upload.addFileRejectedListener(
        event ->
            Notices.error(
                view.getTranslation(
                    "projects.attachment.too-big",
                    event.getFileName(),
                    ContentTypes.MAX_BYTES / 1024 / 1024)));
    return upload;
  }
}
