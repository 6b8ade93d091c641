package org.jumpdesk.systemtests;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives tests deploy: always the EAR the build made, never a hand-picked subset of classes. */
final class Deployments {

    private Deployments() {}

    /** The application exactly as shipped. */
    static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("jumpdesk.ear")));
    }

    /**
     * The application plus a test module that holds the given test classes, {@link Fixtures} and AssertJ;
     * Arquillian runs the tests inside that module, next to the real EJBs.
     */
    static EnterpriseArchive applicationWithTests(Class<?>... testClasses) {
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "jumpdesk-tests.war")
                .addClasses(testClasses)
                .addClasses(Fixtures.class, RecordedChanges.class, Statements.class)
                .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class))
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        return application().addAsModule(Testable.archiveToTest(tests));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
