package cn.shuangyong.tenants.units.internal;

import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.repository.CrudRepository;

/** What both kinds of unit store alike: CRUD, a search by name or contact, unique names. */
public interface UnitRows<R> extends CrudRepository<R, Long> {
  Page<R> search(String q, Pageable pageable);

  boolean nameTaken(String name, long exceptId);
}
