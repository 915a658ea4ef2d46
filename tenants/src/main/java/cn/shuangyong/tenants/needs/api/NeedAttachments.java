package cn.shuangyong.tenants.needs.api;

import cn.shuangyong.platform.audit.TenantAudit;
import cn.shuangyong.platform.identity.CurrentUser;
import cn.shuangyong.platform.identity.Role;
import cn.shuangyong.platform.tenancy.TenantContext;
import cn.shuangyong.platform.tenancy.TenantScope;
import cn.shuangyong.platform.users.Person;
import cn.shuangyong.platform.web.ProblemException;
import cn.shuangyong.platform.web.ValidationException;
import cn.shuangyong.tenants.attachments.api.Attachment;
import cn.shuangyong.tenants.attachments.api.AttachmentStorage;
import cn.shuangyong.tenants.attachments.api.ContentTypes;
import cn.shuangyong.tenants.needs.internal.NeedAttachmentRepository;
import cn.shuangyong.tenants.needs.internal.NeedAttachmentRow;
import cn.shuangyong.tenants.needs.internal.NeedPeople;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Photos, PDF and Office files on a need: whoever may see the need may read them; whoever works on
 * it may add them (supervisors read only). Type sniffed from the bytes, size capped. A need may
 * also be submitted with its files in one step ({@link #submitWith}): the liaison on a phone takes
 * the photo while filling the form, and a need never exists without the photos it was sent with.
 */
@Singleton
public class NeedAttachments {
  /** How many files one submission may carry (each within {@link ContentTypes#MAX_BYTES}). */
  public static final int MAX_FILES_PER_SUBMISSION = 9;

  private final TenantScope scope;
  private final NeedService needs;
  private final NeedAttachmentRepository attachments;
  private final AttachmentStorage storage;
  private final ContentTypes contentTypes;
  private final NeedPeople people;
  private final TenantAudit audit;
  private final Clock clock;

  public NeedAttachments(
      TenantScope scope,
      NeedService needs,
      NeedAttachmentRepository attachments,
      AttachmentStorage storage,
      ContentTypes contentTypes,
      NeedPeople people,
      TenantAudit audit,
      Clock clock) {
    this.scope = scope;
    this.needs = needs;
    this.attachments = attachments;
    this.storage = storage;
    this.contentTypes = contentTypes;
    this.people = people;
    this.audit = audit;
    this.clock = clock;
  }

  /** A downloaded attachment: its metadata and bytes. */
  public record Download(Attachment attachment, byte[] content) {}

  /** A file handed in with a new need: the name it came with and its bytes. */
  public record NewFile(String fileName, byte[] content) {}

  /** A file whose type and name passed the checks, ready to be kept. */
  private record Checked(String name, String type, byte[] content) {}

  public Attachment add(TenantContext context, long needId, String fileName, byte[] content) {
    needs.find(context, needId); // 404 unless the caller sees the need
    CurrentUser user = context.caller();
    if (user.has(Role.SUPERVISOR) && user.tenant() == null) {
      throw ProblemException.forbidden();
    }
    Checked file = check(fileName, content);
    return scope.write(context, () -> keep(context, needId, file));
  }

  /**
   * Submits a need with its files in one transaction ({@link NeedService#submit}'s rules): every
   * file is checked (sniffed type, size, name) before anything is written, so a refused file leaves
   * no need behind, and a refused need no file.
   */
  public Need submitWith(TenantContext context, NeedCommands.Submit command, List<NewFile> files) {
    if (files.size() > MAX_FILES_PER_SUBMISSION) {
      throw new ValidationException("file", "attachment.too-many", MAX_FILES_PER_SUBMISSION);
    }
    List<Checked> checked =
        files.stream().map(file -> check(file.fileName(), file.content())).toList();
    return scope.write(
        context,
        () -> {
          Need need = needs.submit(context, command);
          checked.forEach(file -> keep(context, need.id(), file));
          return need;
        });
  }

  /**
   * Checks one file without keeping it: the form tells at once that a photo is an archive in
   * disguise, before the need is sent. Answers the sniffed content type.
   */
  public String check(byte[] content) {
    return contentTypes.check(content);
  }

  public List<Attachment> list(TenantContext context, long needId) {
    needs.find(context, needId);
    return scope.read(
        context,
        () -> {
          List<Attachment> files =
              attachments.findByNeedIdOrderById(needId).stream()
                  .map(NeedAttachments::toApi)
                  .toList();
          Set<String> uploaders =
              files.stream().map(Attachment::createdBy).collect(Collectors.toSet());
          Map<String, Person> known = people.of(context.code().value(), uploaders);
          return files.stream()
              .map(file -> file.withUploader(known.get(file.createdBy())))
              .toList();
        });
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

  private Checked check(String fileName, byte[] content) {
    String type = contentTypes.check(content);
    return new Checked(contentTypes.fileName(fileName, type), type, content);
  }

  /** Stores the bytes and the row, and audits it; runs inside the caller's tenant transaction. */
  private Attachment keep(TenantContext context, long needId, Checked file) {
    String key = storage.store(context, "needs", file.content());
    Attachment attachment =
        toApi(
            attachments.save(
                new NeedAttachmentRow(
                    null,
                    needId,
                    file.name(),
                    file.type(),
                    file.content().length,
                    key,
                    clock.instant(),
                    context.caller().username())));
    audit.record(
        context, "NEED_ATTACHMENT_ADD", "need:" + needId + "/attachment:" + attachment.id(), null);
    return attachment;
  }

  private static Attachment toApi(NeedAttachmentRow row) {
    return new Attachment(
        row.id(),
        row.fileName(),
        row.contentType(),
        row.sizeBytes(),
        row.createdAt(),
        row.createdBy(),
        null);
  }
}
