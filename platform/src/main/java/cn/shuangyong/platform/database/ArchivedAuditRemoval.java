package cn.shuangyong.platform.database;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The one run-time use of the owner connection outside bootstrap and provisioning: removing audit
 * events that an archive file now holds. The platform role may only insert and select the trail (so
 * a compromised application cannot erase it), hence this runs as the owner, in one transaction that
 * records the archive (its range, file, checksum and sealed anchor) and deletes exactly that range;
 * the trail's trigger refuses the delete of any row no archive row covers, even to the owner. Lives
 * here because the owner connection does not leave this package.
 */
@Singleton
public class ArchivedAuditRemoval {
  private final OwnerDatabase owner;

  ArchivedAuditRemoval(OwnerDatabase owner) {
    this.owner = owner;
  }

  /** An archive made: what it covers and where it is; {@code seal} vouches for the row. */
  public record Archived(
      Instant at,
      long firstId,
      long lastId,
      long events,
      String lastHash,
      String file,
      String sha256,
      String seal) {}

  /** Records the archive and deletes its events; answers how many were deleted. */
  public int remove(Archived archived) {
    try (Connection connection = owner.connect()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into platform.audit_archive (archived_at, first_id, last_id, events,"
                    + " last_hash, file, sha256, seal) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setTimestamp(1, Timestamp.from(archived.at()));
          insert.setLong(2, archived.firstId());
          insert.setLong(3, archived.lastId());
          insert.setLong(4, archived.events());
          insert.setString(5, archived.lastHash());
          insert.setString(6, archived.file());
          insert.setString(7, archived.sha256());
          insert.setString(8, archived.seal());
          insert.executeUpdate();
        }
        int deleted;
        try (PreparedStatement delete =
            connection.prepareStatement(
                "delete from platform.audit_event where id between ? and ?")) {
          delete.setLong(1, archived.firstId());
          delete.setLong(2, archived.lastId());
          deleted = delete.executeUpdate();
        }
        connection.commit();
        return deleted;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the archived audit events could not be removed", e);
    }
  }
}
