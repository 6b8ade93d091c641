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

/** A user's role in a shared Jump Group. */
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

    protected JumpGroupMember() {}

    public JumpGroupMember(long groupId, long userId, JumpGroupRole role) {
        this.groupId = groupId;
        this.userId = userId;
        this.role = role;
    }

    public void changeRole(JumpGroupRole role) {
        this.role = role;
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
