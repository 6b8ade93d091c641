package org.jumpdesk.jumpgroups.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.jumpdesk.jumpgroups.entity.JumpGroup;
import org.jumpdesk.shared.JumpDeskStatus;

/** Finds Jump Groups by the name users and installers give them. Joins the caller's transaction. */
@Stateless
public class JumpGroupNames {

    @PersistenceContext
    private EntityManager entityManager;

    public Optional<JumpGroup> find(String name) {
        return entityManager
                .createQuery("SELECT g FROM JumpGroup g WHERE g.name = :name", JumpGroup.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    /** The group of that name, or {@code INVALID_INPUT} naming the unknown group. */
    public JumpGroup existing(String name) {
        return find(name)
                .orElseThrow(() -> JumpDeskStatus.INVALID_INPUT.exception("no Jump Group named '" + name + "'"));
    }
}
