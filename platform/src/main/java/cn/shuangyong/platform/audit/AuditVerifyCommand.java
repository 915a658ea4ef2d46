package cn.shuangyong.platform.audit;

import jakarta.inject.Singleton;
import java.io.PrintStream;

/**
 * The command-line check of the audit trail ({@code java -jar shuangyong-cloud.jar audit-verify}):
 * for an auditor or an operator's cron, without the web server and without a sign-in, with the same
 * key as the application. Prints what it checked and the first broken event; the exit code is 0
 * when the chain is whole, 1 when it is broken.
 */
@Singleton
public class AuditVerifyCommand {
  private final AuditLog audit;

  AuditVerifyCommand(AuditLog audit) {
    this.audit = audit;
  }

  /** Verifies the chain, reports on {@code out}, answers the exit code. */
  public int run(PrintStream out) {
    AuditLog.Verification verification = audit.verify();
    audit.record(
        new AuditLog.Entry(
            null,
            null,
            "AUDIT_VERIFY",
            "command line",
            verification.firstBrokenId() == null ? "SUCCESS" : "FAILURE",
            "127.0.0.1",
            "checked="
                + verification.checked()
                + " firstBrokenId="
                + verification.firstBrokenId()));
    if (verification.firstBrokenId() == null) {
      out.println("audit trail intact: " + verification.checked() + " events checked");
      return 0;
    }
    out.println(
        "audit trail BROKEN at event id "
            + verification.firstBrokenId()
            + " (altered, inserted, or following a deleted event); "
            + verification.checked()
            + " events checked");
    return 1;
  }
}
