package org.jumpdesk.protocol;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.UUID;

/**
 * Turns {@link Message}s into JSON text and back. Stateless and thread-safe.
 *
 * <p>Decoding is strict about what it needs and ignores members it does not know, so a newer peer can add
 * members without breaking an older one.
 */
public final class MessageCodec {

    private static final String TYPE = "type";

    /**
     * Looked up once: {@code Json.createReader} and friends look the provider up through the service loader
     * on every call, once per message on the site's hot path (see docs/PERFORMANCE.md).
     */
    private static final JsonProvider JSON = JsonProvider.provider();

    public String encode(Message message) {
        JsonObjectBuilder json =
                JSON.createObjectBuilder().add(TYPE, message.type().wireName());
        if (message instanceof Challenge challenge) {
            json.add("nonce", challenge.nonce());
        } else if (message instanceof Register register) {
            json.add("installerKey", register.installerKey())
                    .add("publicKey", register.publicKey())
                    .add("signature", register.signature())
                    .add("hostname", register.hostname())
                    .add("operatingSystem", register.operatingSystem())
                    .add("agentVersion", register.agentVersion());
            addIfPresent(json, "jumpGroup", register.jumpGroup());
            addIfPresent(json, "tag", register.tag());
            addIfPresent(json, "comments", register.comments());
        } else if (message instanceof Registered registered) {
            json.add("clientId", registered.clientId().toString())
                    .add("mode", registered.mode())
                    .add("siteKey", registered.siteKey());
        } else if (message instanceof Hello hello) {
            json.add("clientId", hello.clientId().toString())
                    .add("hostname", hello.hostname())
                    .add("operatingSystem", hello.operatingSystem())
                    .add("agentVersion", hello.agentVersion())
                    .add("signature", hello.signature());
        } else if (message instanceof Welcome welcome) {
            json.add("clientId", welcome.clientId().toString())
                    .add("heartbeatSeconds", welcome.heartbeatSeconds())
                    .add("statisticsSeconds", welcome.statisticsSeconds())
                    .add("mode", welcome.mode())
                    .add("checkInSeconds", welcome.checkInSeconds())
                    .add("offlineLimitDays", welcome.offlineLimitDays())
                    .add("siteKey", welcome.siteKey());
        } else if (message instanceof SessionOpen open) {
            json.add("sessionId", open.sessionId().toString())
                    .add("token", open.token())
                    .add("columns", open.columns())
                    .add("rows", open.rows());
        } else if (message instanceof SessionAttach attach) {
            json.add("sessionId", attach.sessionId().toString()).add("token", attach.token());
        } else if (message instanceof TerminalResize resize) {
            json.add("columns", resize.columns()).add("rows", resize.rows());
        } else if (message instanceof TerminalAck ack) {
            json.add("bytes", ack.bytes());
        } else if (message instanceof ChannelOpen open) {
            json.add("channelId", open.channelId().toString())
                    .add("token", open.token())
                    .add("kind", open.kind().wireName())
                    .add("path", open.path())
                    .add("size", open.size())
                    .add("limitBytes", open.limitBytes());
        } else if (message instanceof ChannelAttach attach) {
            json.add("channelId", attach.channelId().toString()).add("token", attach.token());
        } else if (message instanceof ChannelReply reply) {
            json.add("status", reply.status().name()).add("path", reply.path()).add("size", reply.size());
        } else if (message instanceof ChannelAck ack) {
            json.add("bytes", ack.bytes());
        } else if (message instanceof UpdateAvailable update) {
            json.add("version", update.version())
                    .add("sha256", update.sha256())
                    .add("signature", update.signature())
                    .add("path", update.path());
        } else if (message instanceof Availability availability) {
            json.add("disabled", availability.disabled());
        } else if (message instanceof CustomerHello hello) {
            json.add("sessionKey", hello.sessionKey())
                    .add("hostname", hello.hostname())
                    .add("operatingSystem", hello.operatingSystem())
                    .add("user", hello.user());
        } else if (message instanceof CustomerQueued queued) {
            json.add("representative", queued.representative());
        } else if (message instanceof RepresentativeJoined joined) {
            json.add("representative", joined.representative());
        } else if (message instanceof PinRequest pin) {
            json.add("pinId", pin.pinId().toString())
                    .add("representative", pin.representative())
                    .add("ask", pin.ask())
                    .add("packageFile", pin.packageFile());
        } else if (message instanceof PinAnswer answer) {
            json.add("pinId", answer.pinId().toString()).add("allowed", answer.allowed());
        } else if (message instanceof PinFailed failed) {
            json.add("pinId", failed.pinId().toString()).add("reason", failed.reason());
        } else if (message instanceof Statistics statistics) {
            addIfPresent(json, "consoleUser", statistics.consoleUser());
            addIfPresent(json, "privateIps", statistics.privateIps());
            addIfPresent(json, "uptimeSeconds", statistics.uptimeSeconds());
            addIfPresent(json, "cpuLoad", statistics.cpuLoad());
            addIfPresent(json, "memoryUsedBytes", statistics.memoryUsedBytes());
            addIfPresent(json, "memoryTotalBytes", statistics.memoryTotalBytes());
            addIfPresent(json, "diskUsedBytes", statistics.diskUsedBytes());
            addIfPresent(json, "diskTotalBytes", statistics.diskTotalBytes());
        }
        return json.build().toString();
    }

    /**
     * Reads one message.
     *
     * @throws MalformedMessageException if the text is not JSON, has no known type, or lacks a member
     */
    public Message decode(String text) {
        JsonObject json = parse(text);
        String typeName = string(json, TYPE);
        MessageType type = MessageType.fromWireName(typeName)
                .orElseThrow(() -> new MalformedMessageException("unknown message type '" + typeName + "'"));
        try {
            return switch (type) {
                case CHALLENGE -> new Challenge(string(json, "nonce"));
                case REGISTER -> new Register(
                        string(json, "installerKey"),
                        string(json, "publicKey"),
                        string(json, "signature"),
                        string(json, "hostname"),
                        string(json, "operatingSystem"),
                        string(json, "agentVersion"),
                        optionalString(json, "jumpGroup"),
                        optionalString(json, "tag"),
                        optionalString(json, "comments"));
                case REGISTERED -> new Registered(
                        uuid(json, "clientId"), string(json, "mode"), string(json, "siteKey"));
                case HELLO -> new Hello(
                        uuid(json, "clientId"),
                        string(json, "hostname"),
                        string(json, "operatingSystem"),
                        string(json, "agentVersion"),
                        string(json, "signature"));
                case WELCOME -> new Welcome(
                        uuid(json, "clientId"),
                        integer(json, "heartbeatSeconds"),
                        integer(json, "statisticsSeconds"),
                        string(json, "mode"),
                        integer(json, "checkInSeconds"),
                        integer(json, "offlineLimitDays"),
                        string(json, "siteKey"));
                case UPDATE_AVAILABLE -> new UpdateAvailable(
                        string(json, "version"),
                        string(json, "sha256"),
                        string(json, "signature"),
                        string(json, "path"));
                case STATISTICS -> new Statistics(
                        optionalString(json, "consoleUser"),
                        optionalString(json, "privateIps"),
                        optionalLong(json, "uptimeSeconds"),
                        optionalDouble(json, "cpuLoad"),
                        optionalLong(json, "memoryUsedBytes"),
                        optionalLong(json, "memoryTotalBytes"),
                        optionalLong(json, "diskUsedBytes"),
                        optionalLong(json, "diskTotalBytes"));
                case SESSION_OPEN -> new SessionOpen(
                        uuid(json, "sessionId"),
                        string(json, "token"),
                        integer(json, "columns"),
                        integer(json, "rows"));
                case SESSION_ATTACH -> new SessionAttach(uuid(json, "sessionId"), string(json, "token"));
                case TERMINAL_RESIZE -> new TerminalResize(integer(json, "columns"), integer(json, "rows"));
                case TERMINAL_ACK -> new TerminalAck(wholeNumber(json, "bytes"));
                case CHANNEL_OPEN -> new ChannelOpen(
                        uuid(json, "channelId"),
                        string(json, "token"),
                        ChannelKind.fromWireName(string(json, "kind"))
                                .orElseThrow(() -> new MalformedMessageException("unknown channel kind")),
                        string(json, "path"),
                        wholeNumber(json, "size"),
                        wholeNumber(json, "limitBytes"));
                case CHANNEL_ATTACH -> new ChannelAttach(uuid(json, "channelId"), string(json, "token"));
                case CHANNEL_REPLY -> new ChannelReply(
                        FileStatus.fromName(string(json, "status"))
                                .orElseThrow(() -> new MalformedMessageException("unknown file status")),
                        string(json, "path"),
                        wholeNumber(json, "size"));
                case CHANNEL_ACK -> new ChannelAck(wholeNumber(json, "bytes"));
                case HEARTBEAT -> new Heartbeat();
                case UNINSTALLING -> new Uninstalling();
                case AVAILABILITY -> new Availability(bool(json, "disabled"));
                case CUSTOMER_HELLO -> new CustomerHello(
                        string(json, "sessionKey"),
                        string(json, "hostname"),
                        string(json, "operatingSystem"),
                        string(json, "user"));
                case CUSTOMER_QUEUED -> new CustomerQueued(string(json, "representative"));
                case REPRESENTATIVE_JOINED -> new RepresentativeJoined(string(json, "representative"));
                case CUSTOMER_END -> new CustomerEnd();
                case PIN_REQUEST -> new PinRequest(
                        uuid(json, "pinId"),
                        string(json, "representative"),
                        bool(json, "ask"),
                        string(json, "packageFile"));
                case PIN_ANSWER -> new PinAnswer(uuid(json, "pinId"), bool(json, "allowed"));
                case PIN_FAILED -> new PinFailed(uuid(json, "pinId"), string(json, "reason"));
            };
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(typeName + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedMessageException("expected a JSON object, got " + value.getValueType());
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new MalformedMessageException("not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject json, String member) {
        JsonValue value = json.get(member);
        if (!(value instanceof JsonString string)) {
            throw new MalformedMessageException("member '" + member + "' must be a string");
        }
        return string.getString();
    }

    private static String optionalString(JsonObject json, String member) {
        JsonValue value = json.get(member);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : string(json, member);
    }

    private static void addIfPresent(JsonObjectBuilder json, String member, String value) {
        if (value != null) {
            json.add(member, value);
        }
    }

    private static void addIfPresent(JsonObjectBuilder json, String member, Long value) {
        if (value != null) {
            json.add(member, value);
        }
    }

    private static void addIfPresent(JsonObjectBuilder json, String member, Double value) {
        if (value != null) {
            json.add(member, value);
        }
    }

    private static JsonNumber optionalNumber(JsonObject json, String member) {
        JsonValue value = json.get(member);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new MalformedMessageException("member '" + member + "' must be a number");
        }
        return number;
    }

    private static Long optionalLong(JsonObject json, String member) {
        JsonNumber number = optionalNumber(json, member);
        if (number != null && !number.isIntegral()) {
            throw new MalformedMessageException("member '" + member + "' must be a whole number");
        }
        return number == null ? null : number.longValue();
    }

    private static Double optionalDouble(JsonObject json, String member) {
        JsonNumber number = optionalNumber(json, member);
        return number == null ? null : number.doubleValue();
    }

    private static boolean bool(JsonObject json, String member) {
        JsonValue value = json.get(member);
        if (value != null && value.getValueType() == JsonValue.ValueType.TRUE) {
            return true;
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.FALSE) {
            return false;
        }
        throw new MalformedMessageException("member '" + member + "' must be true or false");
    }

    private static long wholeNumber(JsonObject json, String member) {
        Long value = optionalLong(json, member);
        if (value == null) {
            throw new MalformedMessageException("member '" + member + "' must be a whole number");
        }
        return value;
    }

    private static int integer(JsonObject json, String member) {
        JsonValue value = json.get(member);
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new MalformedMessageException("member '" + member + "' must be an integer");
        }
        return number.intValue();
    }

    private static UUID uuid(JsonObject json, String member) {
        String text = string(json, member);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("member '" + member + "' must be a UUID, was '" + text + "'", e);
        }
    }
}
