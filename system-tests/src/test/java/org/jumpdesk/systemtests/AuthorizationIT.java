package org.jumpdesk.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jumpdesk.systemtests.Fixtures.statusOf;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jumpdesk.jumpclients.boundary.JumpClientProperties;
import org.jumpdesk.jumpclients.boundary.JumpClientSummary;
import org.jumpdesk.jumpclients.boundary.JumpClients;
import org.jumpdesk.jumpclients.entity.JumpClientMode;
import org.jumpdesk.jumpgroups.boundary.JumpGroupView;
import org.jumpdesk.jumpgroups.boundary.JumpGroups;
import org.jumpdesk.jumpgroups.entity.JumpGroupRole;
import org.jumpdesk.settings.boundary.Settings;
import org.jumpdesk.shared.Actor;
import org.jumpdesk.shared.JumpDeskStatus;
import org.jumpdesk.users.boundary.ConsoleUsers;
import org.jumpdesk.users.entity.PersonalGroupVisibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The boundaries themselves enforce Jump Group roles: what a user may not see does not exist for them. */
@ExtendWith(ArquillianExtension.class)
class AuthorizationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.applicationWithTests(AuthorizationIT.class);
    }

    @Inject
    private Fixtures fixtures;

    @EJB
    private JumpClients jumpClients;

    @EJB
    private JumpGroups jumpGroups;

    @EJB
    private ConsoleUsers consoleUsers;

    @EJB
    private Settings settings;

    private String group;
    private UUID client;

    @BeforeEach
    void aClientInASharedGroup() {
        fixtures.generousLicense();
        group = fixtures.sharedGroup();
        client = fixtures.connected(fixtures.installer(group, JumpClientMode.ACTIVE));
    }

    @Test
    void viewersSeeButCannotJumpOrChange() {
        Actor viewer = fixtures.user();
        fixtures.member(group, viewer, JumpGroupRole.VIEW);

        assertThat(jumpClients.details(viewer, client).id()).isEqualTo(client);
        assertThat(statusOf(() -> jumpClients.startJump(viewer, client))).isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(statusOf(() -> jumpClients.delete(viewer, client))).isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(statusOf(() -> jumpClients.applyProperties(
                        viewer, client, new JumpClientProperties(group, "viewed", null, JumpClientMode.ACTIVE))))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
    }

    @Test
    void jumpersJumpButCannotManage() {
        Actor jumper = fixtures.user();
        fixtures.member(group, jumper, JumpGroupRole.JUMP);

        assertThat(jumpClients.startJump(jumper, client).lastJumpedBy()).isEqualTo(jumper.name());
        assertThat(statusOf(() -> jumpClients.switchMode(jumper, client, JumpClientMode.PASSIVE)))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
    }

    @Test
    void outsidersGetNotFoundExactlyAsForAClientThatDoesNotExist() {
        Actor outsider = fixtures.user();

        assertThat(statusOf(() -> jumpClients.details(outsider, client))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> jumpClients.startJump(outsider, client))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> jumpClients.delete(outsider, client))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> jumpClients.applyProperties(
                        outsider, client, new JumpClientProperties(group, "seen", null, JumpClientMode.ACTIVE))))
                .isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> jumpClients.details(outsider, UUID.randomUUID())))
                .isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(jumpClients.list(outsider, 0, 10_000))
                .extracting(JumpClientSummary::id)
                .doesNotContain(client);
        assertThat(jumpClients.count(outsider)).isZero();
    }

    @Test
    void movingAClientNeedsManageInTheTargetGroupToo() {
        Actor manager = fixtures.user();
        fixtures.member(group, manager, JumpGroupRole.MANAGE);
        String elsewhere = fixtures.sharedGroup();
        fixtures.member(elsewhere, manager, JumpGroupRole.JUMP);

        assertThat(statusOf(() -> jumpClients.changeProperties(
                        manager, client, new JumpClientProperties(elsewhere, null, null, JumpClientMode.ACTIVE))))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(statusOf(() -> jumpClients.applyProperties(
                        manager, client, new JumpClientProperties(elsewhere, null, null, JumpClientMode.ACTIVE))))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(jumpClients.details(manager, client).jumpGroup()).isEqualTo(group);
        jumpClients.applyProperties(
                manager, client, new JumpClientProperties(group, "managed", null, JumpClientMode.ACTIVE));
        assertThat(jumpClients.details(manager, client).tag()).isEqualTo("managed");
    }

    @Test
    void personalGroupsArePrivateUnlessThePermissionAllows() {
        Actor owner = fixtures.user();
        Actor teamMate = fixtures.user(PersonalGroupVisibility.TEAM);
        Actor stranger = fixtures.user(PersonalGroupVisibility.TEAM);
        Actor nobody = fixtures.user(PersonalGroupVisibility.NONE);
        Actor everybody = fixtures.user(PersonalGroupVisibility.ALL);
        String team = Fixtures.unique("team");
        consoleUsers.createTeam(Fixtures.ADMIN, team);
        consoleUsers.addToTeam(Fixtures.ADMIN, team, owner.name());
        consoleUsers.addToTeam(Fixtures.ADMIN, team, teamMate.name());
        UUID personal = fixtures.connected(fixtures.installer("user:" + owner.name(), JumpClientMode.ACTIVE));

        assertThat(jumpClients.details(owner, personal).jumpGroup()).isEqualTo("user:" + owner.name());
        assertThat(jumpClients.startJump(teamMate, personal).id()).isEqualTo(personal);
        assertThat(jumpClients.startJump(everybody, personal).id()).isEqualTo(personal);
        assertThat(statusOf(() -> jumpClients.details(stranger, personal))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> jumpClients.details(nobody, personal))).isEqualTo(JumpDeskStatus.JC_NOT_FOUND);
        assertThat(statusOf(() -> jumpClients.delete(teamMate, personal))).isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(jumpGroups.visible(nobody)).extracting(JumpGroupView::name).containsExactly("user:" + nobody.name());
    }

    @Test
    void onlyAdministratorsAdministrate() {
        Actor representative = fixtures.user();

        assertThat(statusOf(() -> jumpGroups.createShared(representative, Fixtures.unique("g"))))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(statusOf(() -> settings.change(representative, settings.current())))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
        assertThat(statusOf(() -> jumpGroups.visible(Actor.user("nobody-" + UUID.randomUUID()))))
                .isEqualTo(JumpDeskStatus.PERMISSION_DENIED);
    }
}
