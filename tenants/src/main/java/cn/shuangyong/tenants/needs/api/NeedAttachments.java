package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.AttachmentStorage;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.needs.internal.NeedAttachmentRepository;
import cn.shuangyong.tenants.needs.internal.NeedAttachmentRow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Photos, PDF and Office files on a need: whoever may see the need may read them; whoever works on
 * it may add them (supervisors read only). Type sniffed from the bytes, size capped.
 */
@Singleton
public class NeedAttachments {
  private final TenantScope scope;
  private final NeedService needs;
  private final NeedAttachmentRepository attachments;
  private final AttachmentStorage storage;
  private final ContentTypes contentTypes;
  private final AuditLog audit;
  private final Clock clock;

  public NeedAttachments(
      TenantScope scope,
      NeedService needs,
      NeedAttachmentRepository attachments,
      AttachmentStorage storage,
      ContentTypes contentTypes,
      AuditLog audit,
      Clock clock) {
    this.scope = scope;
    this.needs = needs;
    this.attachments = attachments;
    this.storage = storage;
    this.contentTypes = contentTypes;
    this.audit = audit;
    this.clock = clock;
  }

  /** A downloaded attachment: its metadata and bytes. */
  public record Download(Attachment attachment, byte[] content) {}

  public Attachment add(TenantContext context, long needId, String fileName, byte[] content) {
    needs.find(context, needId); // 404 unless the caller sees the need
    CurrentUser user = context.caller();
    if (user.has(Role.SUPERVISOR) && user.tenant() == null) {
      throw ProblemException.forbidden();
    }
    String type = contentTypes.check(content);
    String name = contentTypes.fileName(fileName, type);
    String key = storage.store(context, "needs", content);
    Attachment attachment =
        scope.write(
            context,
            () ->
                toApi(
                    attachments.save(
                        new NeedAttachmentRow(
                            null,
                            needId,
                            name,
                            type,
                            content.length,
                            key,
                            clock.instant(),
                            user.username()))));
    audit.record(
        new AuditLog.Entry(
            user.username(),
            context.code().value(),
            "NEED_ATTACHMENT_ADD",
            "need:" + needId + "/attachment:" + attachment.id(),
            "SUCCESS",
            null,
            null));
    return attachment;
  }

  public List<Attachment> list(TenantContext context, long needId) {
    needs.find(context, needId);
    return scope.read(
        context,
        () ->
            attachments.findByNeedIdOrderById(needId).stream()
                .map(NeedAttachments::toApi)
                .toList());
  }

  public Download download(TenantContext context, long needId, long attachmentId) {
    needs.find(context, needId);
    return scope.read(
        context,
        () -> {
          NeedAttachmentRow row =
              attachments
                  .findByIdAndNeedId(attachmentId, needId)
                  .orElseThrow(ProblemException::notFound);
          return new Download(toApi(row), storage.read(context, row.storageKey()));
        });
  }

  private static Attachment toApi(NeedAttachmentRow row) {
    return new Attachment(
        row.id(),
        row.fileName(),
        row.contentType(),
        row.sizeBytes(),
        row.createdAt(),
        row.createdBy());
  }
}
