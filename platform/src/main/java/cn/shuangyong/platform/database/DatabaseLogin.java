package cn.shuangyong.platform.database;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * How the platform login role reaches PostgreSQL ({@code datasources.platform}), for the {@link
 * DedicatedConnection}s of background checks.
 */
@Singleton
public record DatabaseLogin(String url, String username, String password, String schema) {
  public DatabaseLogin(
      @Value("${datasources.platform.url}") String url,
      @Value("${datasources.platform.username}") String username,
      @Value("${datasources.platform.password:}") String password,
      @Value("${datasources.platform.schema:platform}") String schema) {
    this.url = url;
    this.username = username;
    this.password = password;
    this.schema = schema;
  }

  @Override
  public String toString() {
    return "DatabaseLogin[" + url + ", " + username + "]";
  }
}
