package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.jumpclients.boundary.JumpClientQuery;
import org.jumpdesk.jumpclients.boundary.JumpClientRow;
import org.jumpdesk.jumpclients.boundary.JumpClientRows;
import org.jumpdesk.jumpclients.boundary.JumpClientSearch;
import org.jumpdesk.jumpclients.boundary.JumpClientSort;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.boundary.SearchField;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpclients.entity.MachineStatistics;
import org.jumpdesk.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Jump interface's search in the database the site runs on: a word searched in every field (one
 * {@code LIKE} over the fields' combined text) finds what the fields searched one by one find and nothing
 * that only spans two fields; {@code ip:} addresses and prefixes (an array the database derives from the
 * addresses) follow the agent's statistics; the count is taken from the page when the page tells it.
 */
@ExtendWith(ArquillianExtension.class)
class JumpClientSearchIT {

    private static final Set<SearchField> TEXT_FIELDS = EnumSet.of(
            SearchField.COMMENTS,
            SearchField.CONSOLE_USER,
            SearchField.NAME,
            SearchField.PRIVATE_IP,
            SearchField.PUBLIC_IP,
            SearchField.TAG);

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(JumpClientSearchIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private JumpClientSearch search;

    private Actor manager;
    private String key;

    @BeforeEach
    void aManagedGroup() {
        Fixtures.ManagedGroup managed = fixtures.managedGroup();
        manager = managed.manager();
        key = fixtures.installer(managed.group(), JumpClientMode.ACTIVE);
    }

    @Test
    void aWordInEveryFieldFindsWhatEachFieldFindsAndNothingAcrossTwoFields() throws Exception {
        String word = "w" + UUID.randomUUID().toString().substring(0, 8);
        String upper = word.toUpperCase();
        List<UUID> inEachField = List.of(
                client("name", "Host-" + upper + "-1"),
                client("comments", "rack 4 " + upper),
                client("tag", word),
                client("console_user", "ad\\" + word),
                client("private_ips", "10.0.0.1," + word),
                client("public_ip", word + ".example"));
        UUID acrossNameAndComments = client("name", "x-" + word.substring(0, 4));
        fixtures.execute(
                "UPDATE jump_client SET comments = ? WHERE id = ?", word.substring(4) + " rest", acrossNameAndComments);
        UUID onlyInTheOperatingSystem = client("operating_system", word);

        List<UUID> everyField = ids(word, EnumSet.allOf(SearchField.class));

        assertThat(everyField).containsExactlyInAnyOrderElementsOf(inEachField);
        assertThat(everyField).doesNotContain(acrossNameAndComments, onlyInTheOperatingSystem);
        for (SearchField field : TEXT_FIELDS) {
            assertThat(everyField).as("what %s alone finds", field).containsAll(ids(word, EnumSet.of(field)));
        }
        assertThat(ids("\"" + word.substring(0, 4) + "\n" + word.substring(4) + "\"", EnumSet.allOf(SearchField.class)))
                .as("a word with a line feed is searched field by field")
                .isEmpty();
        assertThat(ids(upper.substring(2, 7) + " rack", EnumSet.allOf(SearchField.class)))
                .as("two words, case ignored")
                .containsExactly(inEachField.get(1));
        assertThat(ids(word + " " + upper.substring(0, 2), EnumSet.allOf(SearchField.class)))
                .as("a word too short for the trigram index, case ignored")
                .containsExactlyInAnyOrderElementsOf(inEachField);
        assertThat(ids(upper.substring(0, 2), EnumSet.of(SearchField.TAG))).containsExactly(inEachField.get(2));
        assertThat(ids(word + " _", EnumSet.allOf(SearchField.class)))
                .as("a short word's LIKE wildcard is a plain character")
                .isEmpty();
    }

    @Test
    void addressesAndTheirPrefixesFollowTheAgentsStatistics() throws Exception {
        UUID client = fixtures.connected(key);
        UUID other = fixtures.connected(key);
        statistics(client, "10.77.1.2,FE80::1A", "203.0.113.9");
        statistics(other, "10.77.10.2", "198.51.100.4");

        assertThat(ids("ip:10.77.1.*")).containsExactly(client);
        assertThat(ids("ip:10.77.*")).containsExactlyInAnyOrder(client, other);
        assertThat(ids("ip:10.77.1*")).as("not a prefix up to a dot").containsExactlyInAnyOrder(client, other);
        assertThat(ids("ip:fe80::1a")).as("case ignored").containsExactly(client);
        assertThat(ids("ip:FE80:*")).containsExactly(client);
        assertThat(ids("ip:203.0.113.9")).containsExactly(client);
        assertThat(ids("ip:203.0.113.*")).containsExactly(client);
        assertThat(ids("ip:10.77.1.2")).containsExactly(client);
        assertThat(ids("ip:10.77.1")).as("a whole address only").isEmpty();
        assertThat(ids("ip:77.*")).as("a prefix from the address's start only").isEmpty();

        statistics(client, "172.16.5.4", null);

        assertThat(ids("ip:10.77.*")).containsExactly(other);
        assertThat(ids("ip:172.16.*")).containsExactly(client);
        assertThat(ids("ip:203.0.113.9")).isEmpty();
        assertThat(ids("172.16.5", EnumSet.allOf(SearchField.class)))
                .as("the combined text follows too")
                .containsExactly(client);
        assertThat(ids("10.77.10", EnumSet.allOf(SearchField.class))).containsExactly(other);
    }

    @Test
    void theCountIsTakenFromAShortPageAndCountedOtherwise() {
        List<UUID> clients = List.of(fixtures.connected(key), fixtures.connected(key), fixtures.connected(key));
        JumpClientQuery all = new JumpClientQuery(null, EnumSet.allOf(SearchField.class), null, null);

        JumpClientRows shortPage = search.pageAndCount(manager, all, JumpClientSort.NAME, true, 0, 5);
        JumpClientRows fullPage = search.pageAndCount(manager, all, JumpClientSort.NAME, true, 0, 2);
        JumpClientRows lastPage = search.pageAndCount(manager, all, JumpClientSort.NAME, true, 2, 2);
        JumpClientRows pastTheEnd = search.pageAndCount(manager, all, JumpClientSort.NAME, true, 4, 2);

        assertThat(shortPage.rows()).extracting(JumpClientRow::id).containsExactlyInAnyOrderElementsOf(clients);
        assertThat(shortPage.matches()).isEqualTo(3);
        assertThat(fullPage.rows()).hasSize(2);
        assertThat(fullPage.matches()).isEqualTo(3);
        assertThat(lastPage.rows())
                .extracting(JumpClientRow::id)
                .containsExactly(shortPage.rows().get(2).id());
        assertThat(lastPage.matches()).isEqualTo(3);
        assertThat(pastTheEnd.rows()).isEmpty();
        assertThat(pastTheEnd.matches()).isEqualTo(3);
        assertThat(search.count(manager, all)).isEqualTo(3);
    }

    private UUID client(String column, String value) throws Exception {
        UUID id = fixtures.connected(key);
        fixtures.execute("UPDATE jump_client SET " + column + " = ? WHERE id = ?", value, id);
        return id;
    }

    /** As the agent's statistics message stores them. */
    private void statistics(UUID client, String privateIps, String publicIp) {
        jumpClients.statisticsReported(
                client, new MachineStatistics("carol", privateIps, publicIp, 60L, 0.5, 1L, 2L, 3L, 4L, Instant.now()));
    }

    private List<UUID> ids(String text) {
        return ids(text, EnumSet.allOf(SearchField.class));
    }

    private List<UUID> ids(String text, Set<SearchField> fields) {
        JumpClientRows found = search.pageAndCount(
                manager, new JumpClientQuery(text, fields, null, null), JumpClientSort.NAME, true, 0, 100);
        assertThat(found.matches()).isEqualTo(found.rows().size());
        return found.rows().stream().map(JumpClientRow::id).toList();
    }
}
