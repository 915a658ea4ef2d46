package cn.shuangyong.tenants.fund.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.AttachmentStorage;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.fund.api.FundTypes.Action;
import cn.shuangyong.tenants.fund.internal.FundStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The papers of an application (身份证明, 收入证明, 困难情况说明 …), through the attachments kit: the type
 * decided by the bytes and the container, the size capped, the bytes kept per tenant. They name and
 * show the family, so only the office adds and opens them (supervisors read the file names in the
 * detail, never the bytes); a refused grant takes no more.
 */
@Singleton
public class GrantAttachments {
  private final TenantScope scope;
  private final FundStore store;
  private final AttachmentStorage storage;
  private final ContentTypes contentTypes;
  private final TenantAudit audit;
  private final Clock clock;

  GrantAttachments(
      TenantScope scope,
      FundStore store,
      AttachmentStorage storage,
      ContentTypes contentTypes,
      TenantAudit audit,
      Clock clock) {
    this.scope = scope;
    this.store = store;
    this.storage = storage;
    this.contentTypes = contentTypes;
    this.audit = audit;
    this.clock = clock;
  }

  /** A downloaded paper: its metadata and bytes. */
  public record Download(Attachment attachment, byte[] content) {}

  /** Keeps a paper of the grant (the office); the file is checked before anything is written. */
  public Attachment attach(TenantContext context, long grantId, String fileName, byte[] content) {
    GrantService.mayDo(context, Action.ATTACH);
    String type = contentTypes.check(content);
    String name = contentTypes.fileName(fileName, type);
    String actor = context.caller().username();
    return scope.write(
        context,
        () -> {
          Grant grant = store.grant(grantId, true).orElseThrow(ProblemException::notFound);
          if (!FundWorkflow.allows(grant.status(), Action.ATTACH, false, false)) {
            throw ProblemException.conflict("grant.status.conflict", grant.status().name());
          }
          String key = storage.store(context, "grants", content);
          Instant now = clock.instant();
          Attachment kept =
              store.insertAttachment(grantId, name, type, content.length, key, now, actor);
          store.touch(grantId, now, actor);
          store.addEvent(
              grantId,
              new GrantEvent(
                  now, actor, Action.ATTACH, grant.status(), grant.status(), name, null, null));
          audit.record(
              context,
              "GRANT_ATTACH",
              "grant:" + grantId + "/attachment:" + kept.id(),
              null,
              Map.of("fileName", name, "contentType", type, "size", content.length));
          return kept;
        });
  }

  /** Downloads one paper of a grant (the office; 404 unless both are this tenant's). */
  public Download download(TenantContext context, long grantId, long attachmentId) {
    if (!FundPermissions.mayOpenPersonalData(context.caller())) {
      throw ProblemException.forbidden();
    }
    return scope.read(
        context,
        () -> {
          FundStore.AttachmentRow row =
              store.attachment(grantId, attachmentId).orElseThrow(ProblemException::notFound);
          return new Download(row.attachment(), storage.read(context, row.storageKey()));
        });
  }
}
