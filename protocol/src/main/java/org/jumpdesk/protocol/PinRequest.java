package org.jumpdesk.protocol;

import java.util.UUID;

/**
 * The representative asks the customer's temporary client to install itself as a Jump Client (session
 * pinning). The client asks the customer first when {@code ask} is true, then installs from
 * {@code packageFile}: the text of an {@link InstallerPackageFile} for a one-time installer, exactly what an
 * installer package carries.
 */
public record PinRequest(UUID pinId, String representative, boolean ask, String packageFile) implements Message {

    @Override
    public MessageType type() {
        return MessageType.PIN_REQUEST;
    }

    /** Hides the installer key in the package from logs. */
    @Override
    public String toString() {
        return "PinRequest[" + pinId + ", " + representative + ", ask=" + ask + "]";
    }
}
