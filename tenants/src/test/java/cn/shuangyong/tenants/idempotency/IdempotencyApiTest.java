package cn.shuangyong.tenants.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.audit.AuditLog;
import cn.shuangyong.platform.audit.AuditRelay;
import cn.shuangyong.platform.idempotency.IdempotencyPurge;
import cn.shuangyong.platform.testing.TestClock;
import cn.shuangyong.platform.testing.TestClockFactory;
import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.demo.DemoProvince;
import cn.shuangyong.tenants.needs.api.NeedSubmitted;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code Idempotency-Key} on the creating POSTs: a retry after a lost answer gets the original
 * answer and creates nothing (raw counts), another request with the key is 422, keys are per tenant
 * and forgotten after 24 hours, concurrent requests with one key create one record, and a failed
 * creation keeps no key.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyApiTest implements TestPropertyProvider {
  private static final String NEEDS = "/api/v1/tenants/pinghu/needs";
  private static final String FAIL_AFTER_COMMIT = "test.idempotency.fail-after-commit";
  private static final byte[] PNG = {
    (byte) 0x89,
    'P',
    'N',
    'G',
    '\r',
    '\n',
    0x1a,
    '\n',
    0,
    0,
    0,
    13,
    'I',
    'H',
    'D',
    'R',
    0,
    0,
    0,
    1,
    0,
    0,
    0,
    1,
    8,
    2,
    0,
    0,
    0,
    (byte) 0x90,
    'w',
    'S',
    (byte) 0xde
  };

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject TestClock clock;
  @Inject AuditRelay relay;
  @Inject AuditLog trail;
  @Inject IdempotencyPurge purge;
  @Inject AfterCommitFailure failure;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  /**
   * Fails the next need submission after its transaction committed, as a lost commit answer or a
   * node dying after commit would: the change is stored, and the request does not end well.
   */
  @Singleton
  @Requires(property = FAIL_AFTER_COMMIT, value = "true")
  static class AfterCommitFailure implements ApplicationEventListener<NeedSubmitted> {
    final AtomicBoolean armed = new AtomicBoolean();

    @Override
    public void onApplicationEvent(NeedSubmitted event) {
      if (armed.compareAndSet(true, false)) {
        throw new IllegalStateException("the answer is lost after commit");
      }
    }
  }

  record Answer(int status, String body, Map<String, Object> map, HttpResponse<String> raw) {
    String string(String field) {
      Object value = map == null ? null : map.get(field);
      return value == null ? null : value.toString();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.put(TestClockFactory.PROPERTY, "manual");
    properties.put(FAIL_AFTER_COMMIT, "true");
    return properties;
  }

  @BeforeAll
  void drainEarlierEntries() {
    relay.sweep();
  }

  @AfterAll
  void chainIntact() {
    assertThat(trail.verifyChain()).isEqualTo(-1);
  }

  /**
   * The reported defect: a need is committed but its answer is lost (here: a failure after commit;
   * on the old code the client got 500 and the need had no audit entry), and the client retries
   * with the same key. One need, one audit entry, and the retry answers the original 201.
   */
  @Test
  void aRetryAfterALostAnswerGetsTheSameNeedAndCreatesNothing() throws Exception {
    String title = "丢失应答重试 " + UUID.randomUUID();
    Map<String, Object> need = need(title);
    String key = UUID.randomUUID().toString();
    failure.armed.set(true);
    Answer first = post(NEEDS, need, "pinghu.liaison", key);
    assertThat(failure.armed).as("the failure struck").isFalse();
    Answer retry = post(NEEDS, need, "pinghu.liaison", key);

    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(count("need", "title = ?", title)).as("needs stored").isEqualTo(1);
    long id = Long.parseLong(retry.string("id"));
    assertThat(retry.header("Location")).isEqualTo(NEEDS + "/" + id);
    assertThat(first.status()).as("a committed need is answered as created").isEqualTo(201);
    assertThat(first.string("id")).isEqualTo(retry.string("id"));
    assertThat(first.map()).isEqualTo(retry.map());
    relay.sweep();
    assertThat(auditEntries("pinghu", "NEED_SUBMIT", "need:" + id)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedWith422() throws Exception {
    String key = UUID.randomUUID().toString();
    String title = "同键不同请求 " + UUID.randomUUID();
    assertThat(post(NEEDS, need(title), "pinghu.liaison", key).status()).isEqualTo(201);
    Answer other = post(NEEDS, need(title + "（改）"), "pinghu.liaison", key);
    assertThat(other.status()).as(other.body()).isEqualTo(422);
    assertThat(other.body()).contains("Idempotency-Key");
    Answer otherCaller = post(NEEDS, need(title), "pinghu.liaison2", key);
    assertThat(otherCaller.status()).as("another caller, same body").isEqualTo(422);
    Answer otherPath =
        post("/api/v1/tenants/pinghu/garrison-units", unit(title), "pinghu.admin", key);
    assertThat(otherPath.status()).isEqualTo(422);
    assertThat(count("need", "title like ?", title + "%")).isEqualTo(1);
  }

  @Test
  void twoTenantsUseTheSameKeyIndependently() throws Exception {
    String key = "shared-key-" + UUID.randomUUID();
    Answer pinghu =
        post("/api/v1/tenants/pinghu/garrison-units", unit("共用键单位"), "pinghu.admin", key);
    Answer hangzhou =
        post("/api/v1/tenants/hangzhou/garrison-units", unit("共用键单位"), "hangzhou.admin", key);
    assertThat(pinghu.status()).as(pinghu.body()).isEqualTo(201);
    assertThat(hangzhou.status()).as(hangzhou.body()).isEqualTo(201);
    assertThat(hangzhou.header("Idempotent-Replayed")).isNull();
    assertThat(rows("pinghu", "idempotency_key", "key = ?", key)).isEqualTo(1);
    assertThat(rows("hangzhou", "idempotency_key", "key = ?", key)).isEqualTo(1);
    Answer again =
        post("/api/v1/tenants/hangzhou/garrison-units", unit("共用键单位"), "hangzhou.admin", key);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.string("id")).isEqualTo(hangzhou.string("id"));
  }

  @Test
  void aKeyIsForgottenAfter24Hours() throws Exception {
    String key = UUID.randomUUID().toString();
    String title = "二十四小时 " + UUID.randomUUID();
    Answer first = post(NEEDS, need(title), "pinghu.liaison", key);
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    tokens.clear(); // access tokens live 15 minutes by this clock too
    Answer withinADay = post(NEEDS, need(title), "pinghu.liaison", key);
    assertThat(withinADay.string("id")).isEqualTo(first.string("id"));
    clock.advance(Duration.ofMinutes(2));
    tokens.clear();
    Answer nextDay = post(NEEDS, need(title), "pinghu.liaison", key);
    assertThat(nextDay.status()).isEqualTo(201);
    assertThat(nextDay.header("Idempotent-Replayed")).isNull();
    assertThat(nextDay.string("id")).isNotEqualTo(first.string("id"));
    assertThat(count("need", "title = ?", title)).isEqualTo(2);

    String stale = UUID.randomUUID().toString();
    post(NEEDS, need(title + " 旧"), "pinghu.liaison", stale);
    clock.advance(Duration.ofHours(25));
    tokens.clear();
    purge.purge();
    assertThat(rows("pinghu", "idempotency_key", "key = ?", stale)).as("purged").isZero();
  }

  @Test
  void concurrentRequestsWithOneKeyCreateOneRecord() throws Exception {
    String key = UUID.randomUUID().toString();
    String title = "并发同键 " + UUID.randomUUID();
    String token = token("pinghu.staff");
    Map<String, Object> body = need(title);
    body.put("garrisonUnitId", firstGarrisonUnit());
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return send(NEEDS, body, token, key);
                }));
      }
      start.countDown();
      Set<String> ids = new java.util.HashSet<>();
      for (Future<Answer> answer : answers) {
        Answer done = answer.get();
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        ids.add(done.string("id"));
      }
      assertThat(ids).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("need", "title = ?", title)).isEqualTo(1);
  }

  @Test
  void aFailedCreationKeepsNoKey() throws Exception {
    String key = UUID.randomUUID().toString();
    String title = "失败不留键 " + UUID.randomUUID();
    Map<String, Object> wrong = need(title);
    wrong.put("category", "没有这个类别");
    assertThat(post(NEEDS, wrong, "pinghu.liaison", key).status()).isEqualTo(422);
    assertThat(rows("pinghu", "idempotency_key", "key = ?", key)).isZero();
    Answer fixed = post(NEEDS, need(title), "pinghu.liaison", key);
    assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
  }

  @Test
  void aKeyMustBeAtMost255PrintableAsciiCharacters() throws Exception {
    String title = "键格式 " + UUID.randomUUID();
    assertThat(post(NEEDS, need(title), "pinghu.liaison", "k".repeat(256)).status()).isEqualTo(400);
    assertThat(post(NEEDS, need(title), "pinghu.liaison", "tab\there").status()).isEqualTo(400);
    assertThat(post(NEEDS, need(title), "pinghu.liaison", "").status()).isEqualTo(400);
    assertThat(count("need", "title = ?", title)).isZero();
    assertThat(post(NEEDS, need(title), "pinghu.liaison", "k".repeat(255)).status()).isEqualTo(201);
  }

  @Test
  void anUploadRetriedWithItsKeyIsStoredOnce() throws Exception {
    long need =
        Long.parseLong(
            post(NEEDS, need("附件重试 " + UUID.randomUUID()), "pinghu.liaison", null).string("id"));
    String key = UUID.randomUUID().toString();
    String path = NEEDS + "/" + need + "/attachments";
    Answer first = upload(path, "现场.png", PNG, "pinghu.liaison", key);
    Answer retry = upload(path, "现场.png", PNG, "pinghu.liaison", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.string("id")).isEqualTo(first.string("id"));
    assertThat(rows("pinghu", "need_attachment", "need_id = ?", need)).isEqualTo(1);
    Answer otherFile = upload(path, "别的.png", PNG, "pinghu.liaison", key);
    assertThat(otherFile.status()).isEqualTo(422);
  }

  @Test
  void aPlatformCreationRetriedWithItsKeyIsAnsweredAsTheFirst() throws Exception {
    String key = UUID.randomUUID().toString();
    String code = "idem_" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> tenant =
        Map.of("code", code, "name", "幂等县", "level", "COUNTY", "parent", "jiaxing");
    Answer first = post("/api/v1/tenants", tenant, "admin", key);
    Answer retry = post("/api/v1/tenants", tenant, "admin", key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(retry.status()).as(retry.body()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.map()).isEqualTo(first.map());
    assertThat(retry.header("Location")).isEqualTo("/api/v1/tenants/" + code);
    Answer without = post("/api/v1/tenants", tenant, "admin", null);
    assertThat(without.status()).as("without the key it is a second creation").isEqualTo(409);
  }

  // ---- helpers ----

  private Map<String, Object> need(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("direction", "FOR_TROOPS");
    body.put("title", title);
    body.put("category", "营区建设");
    return body;
  }

  private static Map<String, Object> unit(String name) {
    return Map.of("name", name.length() > 90 ? name.substring(0, 90) : name, "branch", "ARMY");
  }

  private long firstGarrisonUnit() throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement select =
            c.prepareStatement("select min(id) from t_pinghu.garrison_unit");
        ResultSet rs = select.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String token(String user) {
    return tokens.computeIfAbsent(user, this::login);
  }

  private String login(String user) {
    try {
      return send(
              "/api/v1/auth/login",
              Map.of("username", user, "password", DemoProvince.PASSWORD),
              null,
              null)
          .string("access_token");
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private Answer post(String path, Object body, String user, String key)
      throws IOException, InterruptedException {
    return send(path, body, token(user), key);
  }

  private Answer send(String path, Object body, String token, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.getURI() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    return send(request, token, key);
  }

  private Answer upload(String path, String fileName, byte[] content, String user, String key)
      throws IOException, InterruptedException {
    String boundary = "----idempotency" + UUID.randomUUID(); // a new boundary per attempt
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.getURI() + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    return send(request, token(user), key);
  }

  @SuppressWarnings("unchecked")
  private Answer send(HttpRequest.Builder request, String token, String key)
      throws IOException, InterruptedException {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Map<String, Object> map = null;
    String text = response.body();
    if (text != null && text.startsWith("{")) {
      map = json.readValue(text, Map.class);
    }
    return new Answer(response.statusCode(), text, map, response);
  }

  private static long count(String table, String where, String value) throws SQLException {
    return rows("pinghu", table, where, value);
  }

  private static long rows(String tenant, String table, String where, Object value)
      throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement count =
            c.prepareStatement(
                "select count(*) from t_" + tenant + "." + table + " where " + where)) {
      count.setObject(1, value);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long auditEntries(String tenant, String action, String target)
      throws SQLException {
    try (Connection c = TestInfrastructure.get().ownerConnection();
        PreparedStatement count =
            c.prepareStatement(
                "select count(*) from platform.audit_event where tenant_code = ? and action = ?"
                    + " and target = ?")) {
      count.setString(1, tenant);
      count.setString(2, action);
      count.setString(3, target);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
