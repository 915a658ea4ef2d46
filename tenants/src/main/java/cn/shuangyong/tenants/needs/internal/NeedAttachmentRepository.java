package cn.shuangyong.tenants.needs.internal;

import cn.shuangyong.platform.database.TenantDataSourceFactory;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

/**
 * Attachments of needs; works only inside a TenantScope transaction. Every read names the need, so
 * an attachment is reached only through a need the caller was found to see.
 */
@JdbcRepository(dialect = Dialect.POSTGRES, dataSource = TenantDataSourceFactory.TENANT_DATA_SOURCE)
public interface NeedAttachmentRepository extends GenericRepository<NeedAttachmentRow, Long> {
  NeedAttachmentRow save(NeedAttachmentRow attachment);

  List<NeedAttachmentRow> findByNeedIdOrderById(long needId);

  Optional<NeedAttachmentRow> findByIdAndNeedId(long id, long needId);
}
