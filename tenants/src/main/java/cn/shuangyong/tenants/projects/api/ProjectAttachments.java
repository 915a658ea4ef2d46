package cn.shuangyong.tenants.projects.api;

import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.users.Person;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.AttachmentStorage;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.projects.api.ProjectTypes.Action;
import cn.shuangyong.tenants.projects.internal.ProjectStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Photos, PDF and Office files on a project, through the attachments kit as the needs have them:
 * the type is decided by the bytes and the container (an archive named like a photo, or an {@code
 * .exe} named {@code .pdf}, is 422), 10 MB at most (422; a request over the server's upload limit
 * is 413), the bytes kept per tenant. Whoever may see the project reads and downloads them; the
 * office adds and takes them off, each a line of the timeline, an audit entry and an event after
 * commit. Taking one off hides it from lists and downloads; its row and bytes stay for the record.
 */
@Singleton
public class ProjectAttachments {
  private final TenantScope scope;
  private final ProjectService projects;
  private final ProjectStore store;
  private final AttachmentStorage storage;
  private final ContentTypes contentTypes;
  private final Clock clock;

  ProjectAttachments(
      TenantScope scope,
      ProjectService projects,
      ProjectStore store,
      AttachmentStorage storage,
      ContentTypes contentTypes,
      Clock clock) {
    this.scope = scope;
    this.projects = projects;
    this.store = store;
    this.storage = storage;
    this.contentTypes = contentTypes;
    this.clock = clock;
  }

  /** A downloaded attachment: its metadata and bytes. */
  public record Download(Attachment attachment, byte[] content) {}

  /**
   * Attaches a file (the office): 404 unless the caller sees the project, 403 unless it may, then
   * the file is checked before anything is written.
   */
  public Attachment add(TenantContext context, long projectId, String fileName, byte[] content) {
    scope.read(
        context,
        () -> {
          projects.seenBy(context, projectId);
          if (!ProjectPermissions.mayDo(context.caller(), Action.ADD_ATTACHMENT)) {
            throw ProblemException.forbidden();
          }
          return null;
        });
    String type = contentTypes.check(content);
    String name = contentTypes.fileName(fileName, type);
    return scope.write(
        context,
        () -> {
          Project project = projects.lockedFor(context, projectId, Action.ADD_ATTACHMENT);
          Instant now = clock.instant();
          String key = storage.store(context, "projects", content);
          Attachment attachment =
              store.insertAttachment(
                  projectId, name, type, content.length, key, now, context.caller().username());
          projects.record(
              context,
              project,
              Action.ADD_ATTACHMENT,
              project.status(),
              name,
              now,
              "/attachment:" + attachment.id());
          return attachment;
        });
  }

  /** The project's files, with who uploaded each by name. */
  public List<Attachment> list(TenantContext context, long projectId) {
    List<Attachment> files =
        scope.read(
            context,
            () -> {
              projects.seenBy(context, projectId);
              return store.attachments(projectId);
            });
    Set<String> uploaders = files.stream().map(Attachment::createdBy).collect(Collectors.toSet());
    Map<String, Person> known = projects.people(uploaders);
    return files.stream().map(file -> file.withUploader(known.get(file.createdBy()))).toList();
  }

  /** One file's bytes (404 unless the caller sees the project and the file is its own). */
  public Download download(TenantContext context, long projectId, long attachmentId) {
    return scope.read(
        context,
        () -> {
          projects.seenBy(context, projectId);
          ProjectStore.AttachmentRow row =
              store.attachment(projectId, attachmentId).orElseThrow(ProblemException::notFound);
          return new Download(row.attachment(), storage.read(context, row.storageKey()));
        });
  }

  /** Takes a file off the project (the office); 404 when the project has no such file. */
  public void delete(TenantContext context, long projectId, long attachmentId) {
    scope.write(
        context,
        () -> {
          Project project = projects.lockedFor(context, projectId, Action.DELETE_ATTACHMENT);
          ProjectStore.AttachmentRow row =
              store.attachment(projectId, attachmentId).orElseThrow(ProblemException::notFound);
          Instant now = clock.instant();
          store.deleteAttachment(projectId, attachmentId, now, context.caller().username());
          projects.record(
              context,
              project,
              Action.DELETE_ATTACHMENT,
              project.status(),
              row.attachment().fileName(),
              now,
              "/attachment:" + attachmentId);
          return null;
        });
  }
}
