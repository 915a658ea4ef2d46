package cn.shuangyong.platform.audit;

import java.util.Optional;

/**
 * Where the request being served came from, for the audit trail's source address: an event whose
 * writer did not name one gets it from here, so the address is on every event made while serving a
 * caller, API and UI alike, without each feature passing it along. One bean per way in: the API's
 * HTTP request ({@link ApiCallerAddress}) and, in the UI module, the Vaadin request.
 */
public interface CallerAddress {
  /** The address of the caller served on this thread, if this way in serves one now. */
  Optional<String> current();
}
