package org.jumpdesk.protocol;

/** A message on the agent connection. Each record names its own wire {@link MessageType}. */
public sealed interface Message
        permits Challenge,
                Register,
                Registered,
                Hello,
                Welcome,
                Heartbeat,
                Statistics,
                Availability,
                Uninstalling,
                UpdateAvailable,
                SessionOpen,
                SessionAttach,
                TerminalResize,
                TerminalAck,
                CustomerHello,
                CustomerQueued,
                RepresentativeJoined,
                CustomerEnd,
                PinRequest,
                PinAnswer,
                PinFailed,
                ChannelOpen,
                ChannelAttach,
                ChannelReply,
                ChannelAck {

    MessageType type();
}
