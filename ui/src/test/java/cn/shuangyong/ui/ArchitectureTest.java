package cn.shuangyong.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The edges of the feature kit (README, "How to add a feature"): each tenant feature is {@code api}
 * (what others may use), {@code internal} (rows, repositories, SQL) and {@code web} (controllers);
 * views ask services and never the database; nobody but the tenancy package and bootstrap reaches
 * the owner connection or creates a tenant context.
 */
class ArchitectureTest {
  private static final String TENANT_FEATURES = "cn.shuangyong.tenants..";
  private static final Pattern FEATURE = Pattern.compile("cn\\.shuangyong\\.tenants\\.(\\w+)\\.");

  private final JavaClasses all = MainClasses.all();

  @Test
  void theUiAsksServicesAndNeverTheDatabase() {
    noClasses()
        .that()
        .resideInAPackage("cn.shuangyong.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "io.micronaut.data.jdbc..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("cn.shuangyong.platform.tenancy.TenantScope")
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("cn.shuangyong.tenants..internal..", "cn.shuangyong.tenants..web..")
        .check(all);
  }

  @Test
  void tenantFeaturesNeverTouchTheOwnerConnection() {
    noClasses()
        .that()
        .resideInAPackage(TENANT_FEATURES)
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("cn.shuangyong.platform.database.OwnerDatabase")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("javax.sql.DataSource")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.micronaut.jdbc.DataSourceResolver")
        .check(all);
  }

  /**
   * SQL, connections and Micronaut Data JDBC (repositories, {@code JdbcOperations}) stay in a
   * feature's {@code internal} package: its {@code api} services call stores and repositories and
   * enter a tenant through {@code TenantScope} without ever holding a connection.
   */
  @Test
  void onlyInternalPackagesOfTenantFeaturesTouchJdbc() {
    noClasses()
        .that()
        .resideInAPackage(TENANT_FEATURES)
        .and()
        .resideOutsideOfPackage("cn.shuangyong.tenants..internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "javax.sql..", "io.micronaut.data.jdbc..")
        .check(all);
  }

  @Test
  void backgroundWorkEntersTenantsOnlyFromJobsAndBootstrap() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "cn.shuangyong.platform..",
            "cn.shuangyong.tenants..internal..",
            "cn.shuangyong.tenants.demo..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("cn.shuangyong.platform.tenancy.TenantJobs")
        .check(all);
  }

  @Test
  void servicesSpeakNoHttp() {
    noClasses()
        .that()
        .resideInAnyPackage("cn.shuangyong.tenants..api..", "cn.shuangyong.tenants..internal..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.micronaut.http..")
        .check(all);
  }

  @Test
  void aFeatureUsesOnlyTheApiOfAnother() {
    classes()
        .that()
        .resideInAnyPackage(TENANT_FEATURES, "cn.shuangyong.ui..")
        .should(useNoOtherFeaturesInternals())
        .check(all);
  }

  @Test
  void featuresFormNoCycles() {
    slices().matching("cn.shuangyong.tenants.(*)..").should().beFreeOfCycles().check(all);
  }

  @Test
  void controllersAreUsedByNobody() {
    noClasses()
        .that(DescribedPredicate.not(inTenantWeb()))
        .should()
        .dependOnClassesThat(inTenantWeb())
        .check(all);
  }

  private static DescribedPredicate<JavaClass> inTenantWeb() {
    return DescribedPredicate.describe(
        "in a tenant feature's web package",
        (JavaClass c) ->
            c.getPackageName().startsWith("cn.shuangyong.tenants.")
                && c.getPackageName().endsWith(".web"));
  }

  private static ArchCondition<JavaClass> useNoOtherFeaturesInternals() {
    return new ArchCondition<>("use no other feature's internal package") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> own = featureOf(origin.getName());
        origin
            .getDirectDependenciesFromSelf()
            .forEach(
                dependency -> {
                  JavaClass target = dependency.getTargetClass();
                  Optional<String> theirs = featureOf(target.getName());
                  boolean internal = target.getPackageName().endsWith(".internal");
                  if (internal && theirs.isPresent() && !theirs.equals(own)) {
                    events.add(
                        SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                  }
                });
      }
    };
  }

  private static Optional<String> featureOf(String className) {
    Matcher feature = FEATURE.matcher(className);
    return feature.lookingAt() ? Optional.of(feature.group(1)) : Optional.empty();
  }
}
