package cn.shuangyong.platform.audit;

import java.nio.charset.StandardCharsets;

/**
 * One archive run as the {@code audit_archive} table keeps it: the events it moved to its file (ids
 * {@code firstId} to {@code lastId}), the seal of the last of them (where the chain in the table
 * continues), the file's name and SHA-256. The row is sealed too ({@link #message()}), so an anchor
 * forged in the database does not vouch for a trail cut short.
 */
record AuditArchiveRecord(
    long firstId, long lastId, long events, String lastHash, String file, String sha256) {

  byte[] message() {
    return String.join(
            "\u001f",
            "audit-archive",
            Long.toString(firstId),
            Long.toString(lastId),
            Long.toString(events),
            lastHash,
            file,
            sha256)
        .getBytes(StandardCharsets.UTF_8);
  }
}
