package org.jumpdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Converter;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** EclipseLink on WildFly sees only the classes listed in persistence.xml; this keeps the list complete. */
class EntityListTest {

    @Test
    void persistenceXmlListsExactlyTheEntitiesEmbeddablesAndConverters() throws IOException {
        assertThat(listedClasses()).isEqualTo(annotatedClasses());
    }

    private static Set<String> listedClasses() throws IOException {
        try (InputStream xml = EntityListTest.class.getResourceAsStream("/META-INF/persistence.xml")) {
            Matcher matcher = Pattern.compile("<class>([^<]+)</class>").matcher(new String(xml.readAllBytes()));
            return matcher.results().map(m -> m.group(1).trim()).collect(Collectors.toSet());
        }
    }

    private static Set<String> annotatedClasses() throws IOException {
        Path classes = Paths.get("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(EntityListTest::isManagedType)
                    .collect(Collectors.toSet());
        }
    }

    private static boolean isManagedType(String className) {
        try {
            Class<?> type = Class.forName(className, false, EntityListTest.class.getClassLoader());
            return type.isAnnotationPresent(Entity.class)
                    || type.isAnnotationPresent(Embeddable.class)
                    || type.isAnnotationPresent(Converter.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
