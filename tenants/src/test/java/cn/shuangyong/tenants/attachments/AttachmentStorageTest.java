package cn.shuangyong.tenants.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shuangyong.platform.testing.TestInfrastructure;
import cn.shuangyong.tenants.attachments.api.AttachmentStorage;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where attachments go when no directory is configured: {@code attachments} in the data dir. */
class AttachmentStorageTest {

  @Test
  void theDefaultDirectoryIsAttachmentsInTheDataDirectory() throws Exception {
    Path dataDirectory = Files.createTempDirectory("shuangyong-data-");
    Map<String, Object> properties = new HashMap<>(TestInfrastructure.get().properties());
    properties.remove("shuangyong.storage.directory");
    properties.put("shuangyong.data-dir", dataDirectory.toString());
    properties.put("shuangyong.demo.enabled", false);
    properties.put("micronaut.server.port", -1);
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      Path root = context.getBean(AttachmentStorage.class).root();
      assertThat(root).isEqualTo(dataDirectory.resolve("attachments").toAbsolutePath());
      assertThat(root.getFileName().toString()).isEqualTo("attachments");
    }
  }

  @Test
  void aConfiguredDirectoryIsUsedAsItIs() throws Exception {
    Path directory = Files.createTempDirectory("shuangyong-files-");
    assertThat(new AttachmentStorage(directory.toString(), "/elsewhere").root())
        .isEqualTo(directory.toAbsolutePath());
  }
}
