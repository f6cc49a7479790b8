package io.taquilla.scanner.support;

import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.TaquillaEvent;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventCancelled;
import io.taquilla.contracts.catalog.EventPublished;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.catalog.Venue;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.SigningKeyPublished;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.contracts.ticketing.TicketsRevoked;
import io.taquilla.messaging.EventJson;
import io.taquilla.testsupport.TestInfrastructure;
import io.taquilla.testsupport.TestTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the door tests need from the outside world: a signing key of their own (generated here,
 * published as {@code SigningKeyPublished}), catalog events and issued tickets on Kafka, tokens
 * signed in ticketing's format, door and admin JWTs, and an HTTP client that returns any status.
 */
public final class DoorFixture {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KafkaProducer<String, String> producer;

    public record Response(int status, JsonNode body) {
        public String text(String field) {
            JsonNode node = body.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }
    }

    public final String keyId;
    private final byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final RestClient http;
    private final Jdbi jdbi;
    /** The organizer that owns the fixture's events unless a test says otherwise. */
    public static final UUID ORGANIZER = UUID.fromString("5e8a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c");

    public final String doorToken = TestTokens.door(ORGANIZER, "door-device");
    public final String adminToken = TestTokens.token().subject("supervisor-ana").roles("organizer-admin")
            .organizer(ORGANIZER).mint();
    private final java.util.Map<String, String> deviceTokens = new java.util.concurrent.ConcurrentHashMap<>();

    public DoorFixture(int port, Jdbi jdbi) {
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        this.keyId = HexFormat.of().formatHex(id);
        Ed25519.generatePrivateKey(RANDOM, privateKey);
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        this.http = RestClient.create("http://localhost:" + port);
        this.jdbi = jdbi;
    }

    /** Publishes this fixture's public key and waits until the scanner holds it. */
    public DoorFixture publishKey() {
        publish(Topics.TICKETING_SIGNING_KEY, new SigningKeyPublished(UUID.randomUUID(), Instant.now(), keyId, "Ed25519",
                Base64.getEncoder().encodeToString(publicKey), "ACTIVE", Instant.now(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from signing_key where key_id = '" + keyId + "'") == 1);
        return this;
    }

    /** Ticketing's token: [1][keyId 4][ticketId 16][eventId 16][ticketType low 8] + Ed25519 signature. */
    public String token(UUID ticketId, UUID eventId, UUID ticketTypeId) {
        ByteBuffer buffer = ByteBuffer.allocate(45 + 64);
        buffer.put((byte) 1).put(HexFormat.of().parseHex(keyId))
                .putLong(ticketId.getMostSignificantBits()).putLong(ticketId.getLeastSignificantBits())
                .putLong(eventId.getMostSignificantBits()).putLong(eventId.getLeastSignificantBits())
                .putLong(ticketTypeId.getLeastSignificantBits());
        byte[] bytes = buffer.array();
        Ed25519.sign(privateKey, 0, publicKey, 0, bytes, 0, 45, bytes, 45);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public record Event(UUID id, UUID gaType, UUID vipType) {}

    /** A published event whose doors are open now, with GA (capacity 100) and VIP (capacity 10). */
    public Event openEvent() {
        return event(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)), "PUBLISHED");
    }

    public Event event(Instant doorsOpenAt, Instant startsAt, String status) {
        return event(ORGANIZER, doorsOpenAt, startsAt, status);
    }

    /** An open event owned by {@code organizer}. */
    public Event openEventOf(UUID organizer) {
        return event(organizer, Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)), "PUBLISHED");
    }

    public Event event(UUID organizer, Instant doorsOpenAt, Instant startsAt, String status) {
        Event event = new Event(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        publish(Topics.CATALOG_EVENT, new EventPublished(UUID.randomUUID(), Instant.now(),
                snapshot(event, organizer, doorsOpenAt, startsAt, status, 1)));
        awaitEvent(event.id(), 1);
        return event;
    }

    public void cancel(Event event) {
        Instant starts = Instant.now().plus(Duration.ofHours(1));
        publish(Topics.CATALOG_EVENT, new EventCancelled(UUID.randomUUID(), Instant.now(),
                snapshot(event, ORGANIZER, starts.minus(Duration.ofHours(2)), starts, "CANCELLED", 2)));
        awaitEvent(event.id(), 2);
    }

    private EventSnapshot snapshot(Event event, UUID organizer, Instant doorsOpenAt, Instant startsAt, String status,
                                   long version) {
        Money price = new Money(2500, "EUR");
        return new EventSnapshot(event.id(), organizer, "night-" + event.id(), "Night " + event.id(), "A night out",
                new Venue("Sala Apolo", "Nou de la Rambla 113", "Barcelona", "Europe/Madrid"), startsAt, doorsOpenAt,
                Instant.now().minus(Duration.ofDays(10)), startsAt, 110, status, version,
                List.of(new TicketTypeSnapshot(event.gaType(), "GA", "General admission", price, 100, 10),
                        new TicketTypeSnapshot(event.vipType(), "VIP", "VIP", price, 10, 2)));
    }

    private void awaitEvent(UUID id, long version) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from scannable_event where catalog_event_id = '" + id + "' and version >= " + version) == 1);
    }

    public record Ticket(UUID ticketId, UUID orderId, UUID ticketTypeId, String holderName, String qr) {}

    /** Issues {@code count} tickets of {@code type} in one order and waits until the scanner cached them. */
    public List<Ticket> issue(Event event, UUID type, int count) {
        UUID orderId = UUID.randomUUID();
        List<Ticket> tickets = new ArrayList<>();
        List<IssuedTicket> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID ticketId = UUID.randomUUID();
            String holder = "Holder " + i;
            String qr = token(ticketId, event.id(), type);
            tickets.add(new Ticket(ticketId, orderId, type, holder, qr));
            issued.add(new IssuedTicket(ticketId, "TQ-NT-20260115-" + ticketId.toString().substring(0, 8).toUpperCase(),
                    type, type.equals(event.vipType()) ? "VIP" : "General admission", holder, new Money(2500, "EUR"), qr));
        }
        publish(Topics.TICKETING_TICKET, new TicketsIssued(UUID.randomUUID(), Instant.now(), orderId, event.id(), "Night",
                "Sala Apolo", Instant.now().plus(Duration.ofHours(1)), new Customer("buyer@example.com", "Buyer", null), issued));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from ticket where issued and order_id = '" + orderId + "'") == count);
        return tickets;
    }

    public void revoke(Event event, Ticket ticket) {
        publish(Topics.TICKETING_TICKET, new TicketsRevoked(UUID.randomUUID(), Instant.now(), ticket.orderId(), event.id(),
                List.of(ticket.ticketId()), "REFUNDED"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from ticket where status = 'REVOKED' and ticket_id = '" + ticket.ticketId() + "'") == 1);
    }

    public static synchronized void publish(String topic, TaquillaEvent event) {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().bootstrapServers());
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(config);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId(),
                EventJson.MAPPER.writeValueAsString(event));
        record.headers().add("eventId", event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Scans as door device {@code device} of {@link #ORGANIZER}: the device travels in the token only. */
    public Response scan(String qr, UUID eventId, String gate, String device) {
        return post("/api/scans", deviceToken(device), Map.of("qr", qr, "eventId", eventId.toString(), "gate", gate));
    }

    /** A door token of {@link #ORGANIZER} bound to {@code device} (one per device, reused). */
    public String deviceToken(String device) {
        return deviceTokens.computeIfAbsent(device, d -> TestTokens.door(ORGANIZER, d));
    }

    public Response post(String path, String bearer, Object body) {
        RestClient.RequestBodySpec request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.body(JSON.writeValueAsString(body)).exchange((req, res) -> read(res.getStatusCode(), res.getBody().readAllBytes()));
    }

    public Response get(String path, String bearer) {
        RestClient.RequestHeadersSpec<?> request = http.get().uri(path);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.exchange((req, res) -> read(res.getStatusCode(), res.getBody().readAllBytes()));
    }

    private static Response read(HttpStatusCode status, byte[] body) {
        return new Response(status.value(), body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body));
    }

    public long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    public static String device() {
        return "device-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
