package cn.shuangyong.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.shuangyong.platform.database.OwnerDatabase;
import cn.shuangyong.platform.database.PlatformDataSource;
import cn.shuangyong.platform.database.TenantDataSourceFactory;
import cn.shuangyong.platform.tenancy.TenantSchemaMigrator;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The owner connection (superuser or CREATEROLE) is for bootstrap, migrations and provisioning
 * only: nothing else reaches it, not even by injecting an unnamed (that is: the owner's) data
 * source, transaction manager or JDBC operations.
 */
class LeastPrivilegeRulesTest {
  private static final String DATABASE = "cn.shuangyong.platform.database..";

  /** Micronaut's generated bean definitions ({@code $TenantSchemaMigrator$Definition}). */
  private static final String GENERATED = ".*\\.\\$.*";

  private static final Set<Class<?>> DATABASE_ACCESS =
      Set.of(DataSource.class, TransactionOperations.class, JdbcOperations.class);

  private final JavaClasses code =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.shuangyong");

  @Test
  void onlyBootstrapAndProvisioningUseTheOwnerConnection() {
    noClasses()
        .that()
        .resideOutsideOfPackage(DATABASE)
        .and()
        .doNotBelongToAnyOf(TenantSchemaMigrator.class)
        .and()
        .haveNameNotMatching(GENERATED)
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(OwnerDatabase.class)
        .check(code);
  }

  @Test
  void everyRepositoryNamesThePlatformOrTheTenantDataSource() {
    classes()
        .that()
        .areAnnotatedWith(JdbcRepository.class)
        .should(
            new ArchCondition<JavaClass>("name the platform or the tenant data source") {
              @Override
              public void check(JavaClass repository, ConditionEvents events) {
                Object named = repository.getAnnotationOfType(JdbcRepository.class).dataSource();
                boolean allowed =
                    PlatformDataSource.NAME.equals(named)
                        || TenantDataSourceFactory.TENANT_DATA_SOURCE.equals(named);
                events.add(
                    new SimpleConditionEvent(
                        repository,
                        allowed,
                        repository.getName() + " runs on data source '" + named + "'"));
              }
            })
        .check(code);
  }

  @Test
  void nothingOutsideBootstrapInjectsTheDefaultThatIsTheOwnersDataAccess() {
    codeUnits()
        .that()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage(DATABASE)
        .should(
            new ArchCondition<JavaCodeUnit>("take database access only with a @Named qualifier") {
              @Override
              public void check(JavaCodeUnit unit, ConditionEvents events) {
                for (JavaParameter parameter : unit.getParameters()) {
                  if (isDatabaseAccess.test(parameter) && !parameter.isAnnotatedWith(Named.class)) {
                    events.add(
                        SimpleConditionEvent.violated(
                            unit,
                            unit.getFullName()
                                + " takes the owner's "
                                + parameter.getRawType().getSimpleName()
                                + " (no @Named)"));
                  }
                }
              }
            })
        .check(code);
  }

  private final DescribedPredicate<JavaParameter> isDatabaseAccess =
      DescribedPredicate.describe(
          "database access",
          parameter -> DATABASE_ACCESS.stream().anyMatch(parameter.getRawType()::isAssignableTo));
}
