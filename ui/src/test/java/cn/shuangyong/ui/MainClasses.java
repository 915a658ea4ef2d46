package cn.shuangyong.ui;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The application's own classes as ArchUnit sees them, imported once for all architecture tests:
 * main code of every module, without tests (the platform's test kit reaches this module as a {@code
 * …-tests.jar}, which the predefined option does not recognise).
 */
final class MainClasses {
  private static JavaClasses imported;

  private MainClasses() {}

  static synchronized JavaClasses all() {
    if (imported == null) {
      imported =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .withImportOption(location -> !location.contains("-tests.jar"))
              .importPackages("cn.shuangyong");
    }
    return imported;
  }
}
