package io.taquilla.catalog.admin;

import static io.taquilla.catalog.CatalogClient.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.catalog.CatalogClient;
import io.taquilla.catalog.CatalogClient.Reply;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** Every admin route of catalog, as the owner, the owner's staff, another organizer and a platform admin. */
@IntegrationTest
class EventOwnershipTest {

    @LocalServerPort int port;
    CatalogClient catalog;
    final UUID mine = UUID.randomUUID();
    final UUID theirs = UUID.randomUUID();

    @BeforeEach
    void connect() {
        catalog = new CatalogClient(port);
    }

    private Reply as(String token, HttpMethod method, String path, Object body) {
        return catalog.send(method, path, token, body);
    }

    private JsonNode draftOf(UUID organizer) {
        Reply created = as(TestTokens.organizerAdmin(organizer), HttpMethod.POST, "/api/admin/events", event(40));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body();
    }

    @Test
    void anOrganizerAdminCreatesForItsOwnOrganizerOnly() {
        JsonNode draft = draftOf(mine);
        assertThat(draft.get("organizerId").asString()).isEqualTo(mine.toString());

        Map<String, Object> forSomeoneElse = event(40);
        forSomeoneElse.put("organizerId", theirs.toString());
        Reply refused = as(TestTokens.organizerAdmin(mine), HttpMethod.POST, "/api/admin/events", forSomeoneElse);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("organizerId");

        Reply staff = as(TestTokens.organizerStaff(mine), HttpMethod.POST, "/api/admin/events", event(40));
        assertThat(staff.status()).isEqualTo(403);
        assertThat(staff.isProblem()).isTrue();
    }

    @Test
    void aPlatformAdminMustNameTheOrganizer() {
        Reply unnamed = as(TestTokens.platformAdmin(), HttpMethod.POST, "/api/admin/events", event(40));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.isProblem()).isTrue();
        assertThat(unnamed.body().get("errors").toString()).contains("organizerId");

        Map<String, Object> named = event(40);
        named.put("organizerId", theirs.toString());
        Reply created = as(TestTokens.platformAdmin(), HttpMethod.POST, "/api/admin/events", named);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("organizerId").asString()).isEqualTo(theirs.toString());
        String id = created.body().get("id").asString();
        assertThat(as(TestTokens.organizerAdmin(theirs), HttpMethod.GET, "/api/admin/events/" + id, null).status())
                .isEqualTo(200);
    }

    @Test
    void anotherOrganizersEventIsNotFoundOnEveryRoute() {
        JsonNode draft = draftOf(theirs);
        String id = draft.get("id").asString();
        Map<String, Object> replacement = event(41);
        replacement.put("version", 1);
        for (String intruder : List.of(TestTokens.organizerAdmin(mine), TestTokens.organizerStaff(mine))) {
            Reply get = as(intruder, HttpMethod.GET, "/api/admin/events/" + id, null);
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.isProblem()).isTrue();
            assertThat(get.body().toString()).doesNotContain(draft.get("name").asString());
            assertThat(as(intruder, HttpMethod.PUT, "/api/admin/events/" + id, replacement).status()).isEqualTo(404);
            assertThat(as(intruder, HttpMethod.POST, "/api/admin/events/" + id + "/publish", null).status()).isEqualTo(404);
            assertThat(as(intruder, HttpMethod.POST, "/api/admin/events/" + id + "/cancel", null).status()).isEqualTo(404);
        }
        // Unchanged by any of it.
        Reply owner = as(TestTokens.organizerAdmin(theirs), HttpMethod.GET, "/api/admin/events/" + id, null);
        assertThat(owner.body().get("status").asString()).isEqualTo("DRAFT");
        assertThat(owner.body().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void staffReadTheirOrganizersEventsButDoNotChangeThem() {
        String id = draftOf(mine).get("id").asString();
        String staff = TestTokens.organizerStaff(mine);
        assertThat(as(staff, HttpMethod.GET, "/api/admin/events/" + id, null).status()).isEqualTo(200);
        Map<String, Object> replacement = event(41);
        replacement.put("version", 1);
        Reply update = as(staff, HttpMethod.PUT, "/api/admin/events/" + id, replacement);
        assertThat(update.status()).isEqualTo(403);
        assertThat(update.isProblem()).isTrue();
        assertThat(as(staff, HttpMethod.POST, "/api/admin/events/" + id + "/publish", null).status()).isEqualTo(403);
        assertThat(as(staff, HttpMethod.POST, "/api/admin/events/" + id + "/cancel", null).status()).isEqualTo(403);

        Reply publish = as(TestTokens.organizerAdmin(mine), HttpMethod.POST, "/api/admin/events/" + id + "/publish", null);
        assertThat(publish.status()).isEqualTo(200);
    }

    @Test
    void listsShowOnlyTheCallersOrganizerAndEverythingToAPlatformAdmin() {
        String own = draftOf(mine).get("id").asString();
        String other = draftOf(theirs).get("id").asString();

        List<String> seenByMine = ids(as(TestTokens.organizerStaff(mine), HttpMethod.GET, "/api/admin/events?size=100", null));
        assertThat(seenByMine).contains(own).doesNotContain(other);
        Reply page = as(TestTokens.organizerAdmin(mine), HttpMethod.GET, "/api/admin/events?size=100", null);
        assertThat(page.body().get("totalItems").asLong()).isEqualTo(1);

        Reply all = as(TestTokens.platformAdmin(), HttpMethod.GET, "/api/admin/events?size=100", null);
        assertThat(all.body().get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(as(TestTokens.platformAdmin(), HttpMethod.GET, "/api/admin/events/" + other, null).status()).isEqualTo(200);
    }

    @Test
    void doorTokensAndRoleLessTokensStayOutOfTheAdminApi() {
        String id = draftOf(mine).get("id").asString();
        assertThat(as(TestTokens.door(mine, "dev-1"), HttpMethod.GET, "/api/admin/events/" + id, null).status()).isEqualTo(403);
        assertThat(as(TestTokens.token().organizer(mine).mint(), HttpMethod.GET, "/api/admin/events", null).status())
                .isEqualTo(403);
    }

    private static List<String> ids(Reply page) {
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
