package org.jumpdesk.sessions.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionScopeTest {

    @Test
    void administratorsReadEverySessionYetBindTheSameParameter() {
        assertThat(new SessionScope(true, "root", Set.of()).condition(3)).isEqualTo("?3::text IS NOT NULL");
    }

    @Test
    void othersReadTheirOwnSessions() {
        assertThat(new SessionScope(false, "ann", Set.of()).condition(1)).isEqualTo("s.representative = ?1");
    }

    @Test
    void managersAlsoReadTheSessionsOnTheirGroupsClients() {
        Set<Long> groups = new LinkedHashSet<>(List.of(4L, 9L));

        assertThat(new SessionScope(false, "ann", groups).condition(2))
                .isEqualTo("(s.representative = ?2 OR c.jump_group_id IN (4,9))");
    }
}
