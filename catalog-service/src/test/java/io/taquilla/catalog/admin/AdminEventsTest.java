package io.taquilla.catalog.admin;

import static io.taquilla.catalog.CatalogClient.event;
import static io.taquilla.catalog.CatalogClient.ticketType;
import static io.taquilla.catalog.CatalogClient.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.catalog.CatalogClient;
import io.taquilla.catalog.CatalogClient.Reply;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AdminEventsTest {

    @LocalServerPort int port;
    CatalogClient catalog;

    @BeforeEach
    void connect() {
        catalog = new CatalogClient(port);
    }

    @Test
    void createsADraftWithTicketTypesAndASlugFromItsName() {
        Map<String, Object> body = event(30);
        body.put("name", "Festival de Otoño " + UUID.randomUUID().toString().substring(0, 6));
        Reply created = catalog.admin(HttpMethod.POST, "/api/admin/events", body);

        assertThat(created.status()).isEqualTo(201);
        JsonNode event = created.body();
        assertThat(created.headers().getLocation()).hasToString("/api/admin/events/" + event.get("id").asString());
        assertThat(event.get("status").asString()).isEqualTo("DRAFT");
        assertThat(event.get("version").asLong()).isEqualTo(1);
        assertThat(event.get("slug").asString()).startsWith("festival-de-otono-");
        assertThat(event.get("venue").get("timezone").asString()).isEqualTo("Europe/Madrid");
        assertThat(event.get("ticketTypes")).hasSize(2);
        JsonNode ga = event.get("ticketTypes").get(0);
        assertThat(ga.get("code").asString()).isEqualTo("GA");
        assertThat(ga.get("price").get("amountMinor").asLong()).isEqualTo(1500);
        assertThat(ga.get("price").get("currency").asString()).isEqualTo("EUR");
        assertThat(UUID.fromString(ga.get("id").asString())).isNotNull();

        Reply read = catalog.admin(HttpMethod.GET, "/api/admin/events/" + event.get("id").asString(), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("ticketTypes").get(1).get("code").asString()).isEqualTo("VIP");
    }

    @Test
    void numbersADerivedSlugThatIsTakenAndRefusesAChosenOneThatIsTaken() {
        Map<String, Object> body = event(30);
        JsonNode first = catalog.createDraft(body);
        JsonNode second = catalog.createDraft(body);
        assertThat(second.get("slug").asString()).isEqualTo(first.get("slug").asString() + "-2");

        Map<String, Object> chosen = event(30);
        chosen.put("slug", first.get("slug").asString());
        Reply taken = catalog.admin(HttpMethod.POST, "/api/admin/events", chosen);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.isProblem()).isTrue();
        assertThat(taken.problemType()).endsWith("/slug-taken");
    }

    @Test
    void concurrentDraftsWithOneNameAllGetTheirOwnSlug() throws Exception {
        Map<String, Object> body = event(30);
        int organizers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(organizers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < organizers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return catalog.admin(HttpMethod.POST, "/api/admin/events", body);
                }));
            }
            start.countDown();
            List<String> slugs = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(201);
                slugs.add(reply.get().body().get("slug").asString());
            }
            assertThat(slugs).doesNotHaveDuplicates().hasSize(organizers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void needsAnAdminToken() {
        Reply anonymous = catalog.send(HttpMethod.POST, "/api/admin/events", null, event(30));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();

        Reply door = catalog.send(HttpMethod.POST, "/api/admin/events", CatalogClient.door(), event(30));
        assertThat(door.status()).isEqualTo(403);
        assertThat(door.isProblem()).isTrue();

        Reply forged = catalog.send(HttpMethod.POST, "/api/admin/events",
                TestTokens.unknownKey(), event(30));
        assertThat(forged.status()).isEqualTo(401);

        Reply publishAsDoor = catalog.send(HttpMethod.POST, "/api/admin/events/" + UUID.randomUUID() + "/publish",
                CatalogClient.door(), null);
        assertThat(publishAsDoor.status()).isEqualTo(403);
    }

    @Test
    void replacesAnEventKeepingTicketTypeIdsByCode() {
        JsonNode draft = catalog.createDraft(event(30));
        String id = draft.get("id").asString();
        String gaId = draft.get("ticketTypes").get(0).get("id").asString();
        String vipId = draft.get("ticketTypes").get(1).get("id").asString();

        Map<String, Object> replacement = event(40);
        replacement.put("name", "Renamed " + UUID.randomUUID());
        replacement.put("version", 1);
        replacement.put("ticketTypes", List.of(
                ticketType("GA", "General", 2000, 250, 8),
                ticketType("EARLY", "Early bird", 1000, 100, 2)));
        Reply updated = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, replacement);

        assertThat(updated.status()).isEqualTo(200);
        JsonNode event = updated.body();
        assertThat(event.get("version").asLong()).isEqualTo(2);
        assertThat(event.get("slug").asString()).as("the URL stays when no slug is sent").isEqualTo(draft.get("slug").asString());
        assertThat(event.get("name").asString()).startsWith("Renamed");
        assertThat(event.get("ticketTypes").findValuesAsString("code")).containsExactly("GA", "EARLY");
        assertThat(event.get("ticketTypes").get(0).get("id").asString()).isEqualTo(gaId);
        assertThat(event.get("ticketTypes").get(0).get("priceMinor").asLong()).isEqualTo(2000);
        assertThat(event.get("ticketTypes").get(1).get("id").asString()).isNotIn(gaId, vipId);

        Reply stale = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, replacement);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.problemType()).endsWith("/version-conflict");
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(2);

        replacement.remove("version");
        Reply unversioned = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, replacement);
        assertThat(unversioned.status()).isEqualTo(400);
        assertThat(unversioned.body().get("errors").findValuesAsString("field")).containsExactly("version");

        replacement.put("version", 2);
        replacement.put("slug", "renamed-" + UUID.randomUUID().toString().substring(0, 8));
        Reply reslugged = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, replacement);
        assertThat(reslugged.body().get("slug").asString()).isEqualTo(replacement.get("slug"));
        assertThat(reslugged.body().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void answersUnknownAndMalformedIdsWithProblems() {
        Map<String, Object> body = event(30);
        body.put("version", 1);
        Reply unknown = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + UUID.randomUUID(), body);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(catalog.admin(HttpMethod.POST, "/api/admin/events/" + UUID.randomUUID() + "/publish", null).status())
                .isEqualTo(404);
        assertThat(catalog.admin(HttpMethod.POST, "/api/admin/events/" + UUID.randomUUID() + "/cancel", null).status())
                .isEqualTo(404);
        assertThat(catalog.admin(HttpMethod.GET, "/api/admin/events/" + UUID.randomUUID(), null).status()).isEqualTo(404);
        Reply malformed = catalog.admin(HttpMethod.GET, "/api/admin/events/not-a-uuid", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.problemType()).endsWith("/invalid-parameter");
        assertThat(malformed.body().get("detail").asString()).contains("UUID");
        Reply unknownPath = catalog.admin(HttpMethod.GET, "/api/admin/events/" + UUID.randomUUID() + "/nothing-here", null);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.isProblem()).isTrue();
        Reply wrongMethod = catalog.admin(HttpMethod.DELETE, "/api/admin/events/" + UUID.randomUUID(), null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.isProblem()).isTrue();
    }

    @Test
    void publishesOnceAndCancelsForGood() {
        JsonNode draft = catalog.createDraft(event(30));
        String id = draft.get("id").asString();

        Reply published = catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/publish", null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body().get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.body().get("version").asLong()).isEqualTo(2);
        assertThat(published.body().get("publishedAt").asString()).isNotBlank();

        Reply again = catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/publish", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("version").asLong()).as("publishing twice changes nothing").isEqualTo(2);

        Reply cancelled = catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/cancel", null);
        assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.body().get("version").asLong()).isEqualTo(3);
        assertThat(catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/cancel", null).body().get("version").asLong())
                .isEqualTo(3);

        Reply republish = catalog.admin(HttpMethod.POST, "/api/admin/events/" + id + "/publish", null);
        assertThat(republish.status()).isEqualTo(409);
        assertThat(republish.problemType()).endsWith("/event-cancelled");

        Map<String, Object> edit = event(30);
        edit.put("version", 3);
        Reply edited = catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, edit);
        assertThat(edited.status()).isEqualTo(409);
        assertThat(edited.isProblem()).isTrue();
        assertThat(edited.problemType()).endsWith("/event-cancelled");
    }

    @Test
    void refusesToPublishWhatCannotBeSold() {
        Map<String, Object> empty = event(30);
        empty.put("ticketTypes", List.of());
        JsonNode nothingToSell = catalog.createDraft(empty);
        Reply refused = catalog.admin(HttpMethod.POST, "/api/admin/events/" + nothingToSell.get("id").asString() + "/publish", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).endsWith("/not-publishable");
        assertThat(refused.body().get("detail").asString()).contains("no ticket types");

        Map<String, Object> past = event(-2);
        past.put("salesStartAt", plusHours(past.get("startsAt"), -100));
        JsonNode over = catalog.createDraft(past);
        Reply late = catalog.admin(HttpMethod.POST, "/api/admin/events/" + over.get("id").asString() + "/publish", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asString()).contains("started");
        assertThat(late.body().get("reason").asString()).isEqualTo("ALREADY_STARTED");
    }

    @Test
    void listsAllEventsForOrganizersFilteredByStatus() {
        String draftId = catalog.createDraft(event(70)).get("id").asString();
        String publishedId = catalog.createPublished(event(70)).get("id").asString();

        Reply drafts = catalog.admin(HttpMethod.GET, "/api/admin/events?status=DRAFT&size=100", null);
        assertThat(drafts.status()).isEqualTo(200);
        assertThat(drafts.body().get("items").findValuesAsString("status")).containsOnly("DRAFT");
        assertThat(drafts.body().get("totalItems").asLong()).isPositive();
        assertThat(allAdminIds("")).contains(draftId, publishedId);
        assertThat(allAdminIds("status=PUBLISHED&")).contains(publishedId).doesNotContain(draftId);

        Reply badStatus = catalog.admin(HttpMethod.GET, "/api/admin/events?status=LIVE", null);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.problemType()).endsWith("/invalid-parameter");
        assertThat(catalog.admin(HttpMethod.GET, "/api/admin/events?size=0", null).status()).isEqualTo(400);
        assertThat(catalog.send(HttpMethod.GET, "/api/admin/events", null, null).status()).isEqualTo(401);
    }

    @Test
    void twoConcurrentEditsOfOneVersionLetExactlyOneWin() throws Exception {
        String id = catalog.createPublished(event(30)).get("id").asString();
        int editors = 8;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < editors; i++) {
                int editor = i;
                outcomes.add(pool.submit(() -> {
                    Map<String, Object> edit = event(30);
                    edit.put("version", 2);
                    edit.put("description", "edit " + editor);
                    start.await();
                    return catalog.admin(HttpMethod.PUT, "/api/admin/events/" + id, edit).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(catalog.admin(HttpMethod.GET, "/api/admin/events/" + id, null).body().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void countsPublishedAndCancelledEvents() {
        JsonNode event = catalog.createPublished(event(30));
        catalog.admin(HttpMethod.POST, "/api/admin/events/" + event.get("id").asString() + "/cancel", null);
        String metrics = RestClient.create("http://localhost:" + port)
                .get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).containsPattern("taquilla_catalog_events_published_total\\{[^}]*} [1-9]");
        assertThat(metrics).containsPattern("taquilla_catalog_events_cancelled_total\\{[^}]*} [1-9]");
    }

    private List<String> allAdminIds(String filter) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = catalog.admin(HttpMethod.GET, "/api/admin/events?" + filter + "size=100&page=" + page, null).body();
            ids.addAll(body.get("items").findValuesAsString("id"));
            if (page + 1 >= body.get("totalPages").asLong()) {
                return ids;
            }
        }
    }

    private static String plusHours(Object instant, long hours) {
        return Instant.parse((String) instant).plusSeconds(hours * 3600).toString();
    }
}
