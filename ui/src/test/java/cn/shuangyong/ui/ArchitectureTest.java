package cn.shuangyong.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Views stay thin: no SQL, no repositories, no tenant fence handling in the UI module. */
class ArchitectureTest {
  private final JavaClasses ui =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.shuangyong.ui");

  @Test
  void theUiAsksServicesAndNeverTheDatabase() {
    noClasses()
        .that()
        .resideInAPackage("cn.shuangyong.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "io.micronaut.data..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("cn.shuangyong.platform.tenancy.TenantScope")
        .check(ui);
  }
}
