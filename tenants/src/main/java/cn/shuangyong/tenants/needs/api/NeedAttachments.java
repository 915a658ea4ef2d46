package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.database.Jdbc;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantDirectory;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.AttachmentStorage;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Photos, PDF and Office files on a need: whoever may see the need may read them; whoever works on
 * it may add them (supervisors read only). Type sniffed from the bytes, size capped.
 */
@Singleton
public class NeedAttachments {
  private final TenantDirectory tenants;
  private final TenantScope scope;
  private final NeedService needs;
  private final AttachmentStorage storage;
  private final ContentTypes contentTypes;
  private final AuditLog audit;
  private final Clock clock;

  public NeedAttachments(
      TenantDirectory tenants,
      TenantScope scope,
      NeedService needs,
      AttachmentStorage storage,
      ContentTypes contentTypes,
      AuditLog audit,
      Clock clock) {
    this.tenants = tenants;
    this.scope = scope;
    this.needs = needs;
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
            c ->
                Jdbc.one(
                        c,
                        "insert into need_attachment (need_id, file_name, content_type, size_bytes,"
                            + " storage_key, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)"
                            + " returning *",
                        NeedAttachments::map,
                        needId,
                        name,
                        type,
                        (long) content.length,
                        key,
                        clock.instant(),
                        user.username())
                    .orElseThrow());
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
    CurrentUser user = context.caller();
    return scope.read(
        context,
        c ->
            Jdbc.list(
                c,
                "select * from need_attachment where need_id = ? order by id",
                NeedAttachments::map,
                needId));
  }

  public Download download(TenantContext context, long needId, long attachmentId) {
    needs.find(context, needId);
    CurrentUser user = context.caller();
    return scope.read(
        context,
        c -> {
          var row =
              Jdbc.one(
                      c,
                      "select *, storage_key from need_attachment where id = ? and need_id = ?",
                      r -> new Object[] {map(r), r.getString("storage_key")},
                      attachmentId,
                      needId)
                  .orElseThrow(ProblemException::notFound);
          return new Download((Attachment) row[0], storage.read(context, (String) row[1]));
        });
  }

  private static Attachment map(ResultSet row) throws SQLException {
    return new Attachment(
        row.getLong("id"),
        row.getString("file_name"),
        row.getString("content_type"),
        row.getLong("size_bytes"),
        row.getTimestamp("created_at").toInstant(),
        row.getString("created_by"));
  }
}
