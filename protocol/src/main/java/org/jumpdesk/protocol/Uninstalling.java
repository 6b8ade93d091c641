package org.jumpdesk.protocol;

/** The agent is being uninstalled on its machine; the site marks it uninstalled and closes. */
public record Uninstalling() implements Message {

    @Override
    public MessageType type() {
        return MessageType.UNINSTALLING;
    }
}
