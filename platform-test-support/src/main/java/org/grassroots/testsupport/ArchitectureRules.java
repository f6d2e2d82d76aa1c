package org.grassroots.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The rules every service's structure keeps (docs/architecture.md, "Rules the build checks"),
 * checked on the service's own main classes:
 * <ul>
 * <li>the domain depends on no Spring class: aggregates, value objects and domain services that are
 * not Spring beans, documents or web code are plain Java;</li>
 * <li>no web types below the web package: controllers and the servlet and request-mapping types
 * live in {@code ..web..} packages only (calling another service over HTTP is not serving web),
 * and controllers answer with response records, never with the stored {@code @Document}s;</li>
 * <li>no service reads another's store: a service names no other service's classes, only its own,
 * platform-support's, the contracts and the shared libraries that hold no store ({@code grid-location}).</li>
 * </ul>
 * A service whose code breaks a rule today names the class and the reason in {@code exceptions},
 * so the exception is narrow and visible, and the rule holds for everything else.
 */
public final class ArchitectureRules {

    private static final String[] SERVER_WEB = {
            "org.springframework.web.bind..", "org.springframework.web.servlet..",
            "org.springframework.web.method..", "org.springframework.web.multipart..",
            "org.springframework.web.context..", "org.springframework.http.server..", "jakarta.servlet.."};

    private ArchitectureRules() {
    }

    /** The main classes (not tests, not libraries) under a service's root package. */
    public static JavaClasses mainClassesOf(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /**
     * Checks every rule on a service's main classes.
     *
     * @param rootPackage the service's root package, such as {@code org.grassroots.caseservice}
     * @param exceptions  fully qualified class names that may break a rule today, each with the reason
     */
    public static void checkService(String rootPackage, Map<String, String> exceptions) {
        checkService(mainClassesOf(rootPackage), rootPackage, exceptions);
    }

    /** A test's name: {@code given…_when…_then…}, or {@code given…_then…} where nothing acts. */
    static final java.util.regex.Pattern TEST_NAME =
            java.util.regex.Pattern.compile("given[A-Z0-9][A-Za-z0-9]*(_when[A-Z0-9][A-Za-z0-9]*)?_then[A-Z0-9][A-Za-z0-9]*");

    private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.TestFactory",
            "org.junit.jupiter.api.RepeatedTest");

    /**
     * Checks that every test under {@code rootPackage} is named given–when–then (STYLE: "tests read
     * as specifications"), so that the style holds for tests written after the rule came in.
     */
    public static void checkTestNames(String rootPackage) {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
        List<String> misnamed = new ArrayList<>();
        for (JavaClass test : tests) {
            for (JavaMethod method : test.getMethods()) {
                boolean isTest = method.getAnnotations().stream()
                        .anyMatch(annotation -> TEST_ANNOTATIONS.contains(annotation.getRawType().getName()));
                if (isTest && !TEST_NAME.matcher(method.getName()).matches()) {
                    misnamed.add(test.getSimpleName() + "." + method.getName());
                }
            }
        }
        if (!misnamed.isEmpty()) {
            throw new AssertionError("Tests not named given…_when…_then… (or given…_then…):\n  "
                    + String.join("\n  ", misnamed));
        }
    }

    /** Checks every rule on the given classes of the service under {@code rootPackage}. */
    public static void checkService(JavaClasses classes, String rootPackage, Map<String, String> exceptions) {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : List.of(domainIsFreeOfSpring(exceptions.keySet()), webTypesOnlyInWebPackages(exceptions.keySet()),
                controllersOnlyInWebPackages(exceptions.keySet()), controllersReturnNoDocuments(), readsNoOtherServicesStore(rootPackage))) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    /** Domain classes: neither web code, nor Spring beans, documents or settings, nor named exceptions. */
    public static ArchRule domainIsFreeOfSpring(Set<String> exceptions) {
        return noClasses().that(isDomain(exceptions))
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .as("the domain (no web code, Spring bean, document or settings) depends on no Spring class")
                .allowEmptyShould(true);
    }

    public static ArchRule webTypesOnlyInWebPackages(Set<String> exceptions) {
        return noClasses().that().resideOutsideOfPackage("..web..")
                .and(notNamedIn(exceptions))
                .should().dependOnClassesThat().resideInAnyPackage(SERVER_WEB)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.ResponseEntity")
                .as("web types (request mappings, servlets, ResponseEntity) are used in ..web.. packages only")
                .allowEmptyShould(true);
    }

    public static ArchRule controllersOnlyInWebPackages() {
        return controllersOnlyInWebPackages(Set.of());
    }

    public static ArchRule controllersOnlyInWebPackages(Set<String> exceptions) {
        return classes().that(DescribedPredicate.describe("are controllers", (JavaClass type) ->
                        type.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                                || type.isAnnotatedWith("org.springframework.stereotype.Controller")
                                || type.isAnnotatedWith("org.springframework.web.bind.annotation.RestControllerAdvice")))
                .and(notNamedIn(exceptions))
                .should().resideInAPackage("..web..")
                .as("controllers live in ..web.. packages")
                .allowEmptyShould(true);
    }

    /** What a controller answers is a response record: the stored shape can change without changing the API. */
    public static ArchRule controllersReturnNoDocuments() {
        return methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should(new ArchCondition<JavaMethod>("return response records, not stored @Document records") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        for (JavaClass returned : method.getReturnType().getAllInvolvedRawTypes()) {
                            if (returned.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")) {
                                events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                        + " returns " + returned.getName() + ", a stored document"));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /** A service names only its own classes, platform-support's, the contracts and the store-less shared libraries. */
    public static ArchRule readsNoOtherServicesStore(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat(otherGrassrootsCode(rootPackage))
                .as("no service uses another service's classes (or reads its store): only its own, "
                        + "org.grassroots.platform, org.grassroots.contracts and org.grassroots.gridlocation")
                .allowEmptyShould(true);
    }

    /** platform-support's domain exceptions are plain Java: they depend on java.* and each other only. */
    public static ArchRule domainExceptionsArePlainJava() {
        return classes().that().resideInAPackage("org.grassroots.platform.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.grassroots.platform.domain..")
                .as("org.grassroots.platform.domain depends on nothing but Java");
    }

    private static DescribedPredicate<JavaClass> isDomain(Set<String> exceptions) {
        return DescribedPredicate.describe("are domain classes", (JavaClass type) -> {
            if (exceptions.contains(type.getName()) || inWebPackage(type)) {
                return false;
            }
            JavaClass outermost = outermost(type);
            if (exceptions.contains(outermost.getName())) {
                return false;
            }
            // A Spring bean, a document or a settings record is edge code, and so is what it nests.
            return !annotatedBySpring(type) && !annotatedBySpring(outermost)
                    && !type.getSimpleName().endsWith("Application");
        });
    }

    private static boolean annotatedBySpring(JavaClass type) {
        return type.getAnnotations().stream().anyMatch(annotation -> {
            JavaClass annotationType = annotation.getRawType();
            return annotationType.getPackageName().startsWith("org.springframework")
                    || annotationType.isMetaAnnotatedWith(DescribedPredicate.describe("a Spring annotation",
                            candidate -> candidate.getRawType().getPackageName().startsWith("org.springframework")));
        });
    }

    private static boolean inWebPackage(JavaClass type) {
        return ("." + type.getPackageName() + ".").contains(".web.");
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static DescribedPredicate<JavaClass> notNamedIn(Set<String> exceptions) {
        return DescribedPredicate.describe("are not named as exceptions",
                (JavaClass type) -> !exceptions.contains(type.getName()) && !exceptions.contains(outermost(type).getName()));
    }

    private static DescribedPredicate<JavaClass> otherGrassrootsCode(String rootPackage) {
        return DescribedPredicate.describe("belong to another part of Grassroots", (JavaClass type) -> {
            String name = type.getPackageName();
            return name.startsWith("org.grassroots.") && !name.equals(rootPackage) && !name.startsWith(rootPackage + ".")
                    && !name.startsWith("org.grassroots.platform") && !name.startsWith("org.grassroots.contracts")
                    && !name.startsWith("org.grassroots.gridlocation");
        });
    }
}
