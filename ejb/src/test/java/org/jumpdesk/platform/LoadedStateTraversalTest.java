package org.jumpdesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.spi.LoadState;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolver;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.ProviderUtil;
import jakarta.validation.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoadedStateTraversalTest {

    /** The properties a persistence provider was asked about; it answers that none is loaded. */
    private final List<String> asked = new ArrayList<>();

    private final LoadedStateTraversal traversal = new LoadedStateTraversal();

    @BeforeEach
    void providerThatLoadsNothing() {
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(new PersistenceProviderResolver() {
            @Override
            public List<PersistenceProvider> getPersistenceProviders() {
                return List.of(new NothingLoaded());
            }

            @Override
            public void clearCachedProviders() {}
        });
    }

    @AfterEach
    void defaultProviders() {
        PersistenceProviderResolverHolder.setPersistenceProviderResolver(null);
    }

    @Test
    void aPlainObjectIsTraversedWithoutAskingThePersistenceProvider() {
        assertThat(traversal.isReachable(new Hello("host"), node("hostname"), Hello.class, null, ElementType.FIELD))
                .isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void anEntityPropertyIsReachableOnlyWhenLoaded() {
        assertThat(traversal.isReachable(new Machine(), node("owner"), Machine.class, null, ElementType.FIELD))
                .isFalse();
        assertThat(asked).containsExactly("owner");
    }

    @Test
    void aMissingObjectIsReachable() {
        assertThat(traversal.isReachable(null, node("hello"), Hello.class, null, ElementType.PARAMETER))
                .isTrue();
    }

    @Test
    void validationXmlNamesThisResolver() throws IOException {
        try (InputStream xml = getClass().getResourceAsStream("/META-INF/validation.xml")) {
            assertThat(new String(xml.readAllBytes()))
                    .contains("<traversable-resolver>" + LoadedStateTraversal.class.getName()
                            + "</traversable-resolver>");
        }
    }

    record Hello(String hostname) {}

    @Entity
    static class Machine {}

    private static Path.Node node(String name) {
        return new Path.Node() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean isInIterable() {
                return false;
            }

            @Override
            public Integer getIndex() {
                return null;
            }

            @Override
            public Object getKey() {
                return null;
            }

            @Override
            public jakarta.validation.ElementKind getKind() {
                return jakarta.validation.ElementKind.PROPERTY;
            }

            @Override
            public <T extends Path.Node> T as(Class<T> nodeType) {
                return nodeType.cast(this);
            }
        };
    }

    private final class NothingLoaded implements PersistenceProvider {

        @Override
        public ProviderUtil getProviderUtil() {
            return new ProviderUtil() {
                @Override
                public LoadState isLoadedWithoutReference(Object entity, String attributeName) {
                    asked.add(attributeName);
                    return LoadState.NOT_LOADED;
                }

                @Override
                public LoadState isLoadedWithReference(Object entity, String attributeName) {
                    return LoadState.NOT_LOADED;
                }

                @Override
                public LoadState isLoaded(Object entity) {
                    return LoadState.NOT_LOADED;
                }
            };
        }

        @Override
        public EntityManagerFactory createEntityManagerFactory(String unit, Map properties) {
            throw new UnsupportedOperationException();
        }

        @Override
        public EntityManagerFactory createContainerEntityManagerFactory(PersistenceUnitInfo info, Map properties) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void generateSchema(PersistenceUnitInfo info, Map properties) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean generateSchema(String unit, Map properties) {
            throw new UnsupportedOperationException();
        }
    }
}
