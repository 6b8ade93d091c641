package org.jumpdesk.jumpgroups.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A user's role in a shared Jump Group, and two permissions beside it: pin (install a Jump Client into the
 * group from an attended session) and deploy (make installers for the group without being an administrator).
 */
@Entity
@Table(name = "jump_group_member")
@IdClass(JumpGroupMember.Key.class)
public class JumpGroupMember {

    @Id
    @Column(name = "group_id")
    private Long groupId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JumpGroupRole role;

    @Column(name = "may_pin", nullable = false)
    private boolean mayPin;

    @Column(name = "may_deploy", nullable = false)
    private boolean mayDeploy;

    protected JumpGroupMember() {}

    public JumpGroupMember(long groupId, long userId, JumpGroupRole role) {
        this.groupId = groupId;
        this.userId = userId;
        this.role = role;
    }

    public void changeRole(JumpGroupRole role) {
        this.role = role;
    }

    public void changePermissions(boolean mayPin, boolean mayDeploy) {
        this.mayPin = mayPin;
        this.mayDeploy = mayDeploy;
    }

    /** Primary key: group and user. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long groupId;
        private Long userId;

        public Key() {}

        public Key(Long groupId, Long userId) {
            this.groupId = groupId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(groupId, key.groupId)
                    && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, userId);
        }
    }
}
