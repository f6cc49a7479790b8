package io.taquilla.catalog.browse;

import static io.taquilla.catalog.CatalogClient.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.catalog.CatalogClient;
import io.taquilla.catalog.CatalogClient.Reply;
import io.taquilla.testsupport.IntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PublicEventsTest {

    @LocalServerPort int port;
    CatalogClient catalog;

    @BeforeEach
    void connect() {
        catalog = new CatalogClient(port);
    }

    @Test
    void showsAPublishedEventByIdAndBySlugWithPricesAndAvailability() {
        JsonNode published = catalog.createPublished(event(15));
        String id = published.get("id").asString();

        for (String path : List.of("/api/events/" + id, "/api/events/" + published.get("slug").asString())) {
            Reply reply = catalog.get(path);
            assertThat(reply.status()).isEqualTo(200);
            JsonNode event = reply.body();
            assertThat(event.get("id").asString()).isEqualTo(id);
            assertThat(event.get("status").asString()).isEqualTo("PUBLISHED");
            assertThat(event.get("onSale").asBoolean()).isTrue();
            assertThat(event.get("venue").get("city").asString()).isEqualTo("Barcelona");
            JsonNode vip = event.get("ticketTypes").get(1);
            assertThat(vip.get("code").asString()).isEqualTo("VIP");
            assertThat(vip.get("price").get("amountMinor").asLong()).isEqualTo(4500);
            assertThat(vip.get("price").get("currency").asString()).isEqualTo("EUR");
            assertThat(vip.get("maxPerOrder").asInt()).isEqualTo(4);
            assertThat(vip.get("availability").get("available").asInt()).isEqualTo(50);
            assertThat(vip.get("availability").get("soldOut").asBoolean()).isFalse();
            assertThat(event.get("availability").get("totalCapacity").asInt()).isEqualTo(350);
            assertThat(event.get("availability").get("totalAvailable").asInt()).isEqualTo(350);
            assertThat(event.get("availability").get("isSoldOut").asBoolean()).isFalse();
        }
    }

    @Test
    void draftsDoNotExistPublicly() {
        JsonNode draft = catalog.createDraft(event(15));
        for (String path : List.of("/api/events/" + draft.get("id").asString(), "/api/events/" + draft.get("slug").asString(),
                "/api/events/" + UUID.randomUUID(), "/api/events/no-such-event")) {
            Reply reply = catalog.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.isProblem()).isTrue();
            assertThat(reply.problemType()).endsWith("/not-found");
        }
        assertThat(allListed()).doesNotContain(draft.get("id").asString());
    }

    @Test
    void cancelledEventsStayReadableButAreNotListed() {
        JsonNode published = catalog.createPublished(event(15));
        String id = published.get("id").asString();
        catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/cancel", null);

        JsonNode cancelled = catalog.get("/api/events/" + id).body();
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("onSale").asBoolean()).isFalse();
        assertThat(allListed()).doesNotContain(id);
    }

    @Test
    void listsUpcomingPublishedEventsSoonestFirstInPages() {
        List<String> mine = new ArrayList<>();
        for (int days : new int[] {60, 10, 35}) {
            mine.add(catalog.createPublished(event(days)).get("id").asString());
        }
        List<String> listed = allListed();
        assertThat(listed).containsSubsequence(mine.get(1), mine.get(2), mine.get(0));

        Reply firstPage = catalog.get("/api/events?page=0&size=2");
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().get("items")).hasSize(2);
        assertThat(firstPage.body().get("size").asInt()).isEqualTo(2);
        assertThat(firstPage.body().get("totalItems").asLong()).isGreaterThanOrEqualTo(3);
        JsonNode item = firstPage.body().get("items").get(0);
        assertThat(item.get("priceFrom").get("currency").asString()).isEqualTo("EUR");
        assertThat(item.get("slug").asString()).isNotBlank();
        assertThat(item.get("onSale").asBoolean()).isTrue();
    }

    @Test
    void pastEventsAreNotListed() {
        Map<String, Object> body = event(5);
        JsonNode published = catalog.createPublished(body);
        // The show moves into the past: still published, no longer upcoming.
        body.put("version", published.get("version").asLong());
        Instant past = Instant.now().minusSeconds(3600);
        body.put("startsAt", past.toString());
        body.put("doorsOpenAt", past.minusSeconds(3600).toString());
        body.put("salesStartAt", past.minusSeconds(86_400).toString());
        body.put("salesEndAt", past.minusSeconds(60).toString());
        assertThat(catalog.admin(HttpMethod.PUT, "/api/admin/events/" + published.get("id").asString(), body).status())
                .isEqualTo(200);
        assertThat(allListed()).doesNotContain(published.get("id").asString());
    }

    @Test
    void rejectsBadPagingAsProblems() {
        for (String query : List.of("page=-1", "size=0", "size=101", "size=abc", "page=1.5")) {
            Reply reply = catalog.get("/api/events?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.isProblem()).as(query).isTrue();
            assertThat(reply.problemType()).as(query).startsWith("https://taquilla.io/problems/");
        }
    }

    private List<String> allListed() {
        List<String> ids = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (int page = 0; ; page++) {
            JsonNode body = catalog.get("/api/events?size=100&page=" + page).body();
            for (JsonNode item : body.get("items")) {
                Instant startsAt = Instant.parse(item.get("startsAt").asString());
                assertThat(startsAt).isAfterOrEqualTo(previous).isAfter(Instant.now());
                previous = startsAt;
                ids.add(item.get("id").asString());
            }
            if (page + 1 >= body.get("totalPages").asLong()) {
                return ids;
            }
        }
    }
}
