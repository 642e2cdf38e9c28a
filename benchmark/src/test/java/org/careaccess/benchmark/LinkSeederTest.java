package org.careaccess.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.careaccess.keycloak.link.LinkCodes;
import org.junit.jupiter.api.Test;

class LinkSeederTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void seededCodesAreWellFormedLinkCodes() {
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            String code = LinkSeeder.newCode(random);
            assertThat(LinkCodes.isWellFormed(code)).as(code).isTrue();
            assertThat(code).hasSize(16);
        }
    }

    @Test
    void deviceCookiesHaveTheShapeTheServerAccepts() {
        assertThat(LinkSeeder.newDeviceCookie(new Random(2))).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theOpenedLinksAreSpreadAmongTheFillerAndEveryCodeHashIsUnique() {
        List<LinkSeeder.Link> links = IntStream.range(0, 10)
                .mapToObj(i -> new LinkSeeder.Link("link-" + i, "code-" + i, "user-" + i, "+44770090000" + i, "device-" + i)).toList();

        List<Object[]> rows = LinkSeeder.rows("realm-1", links, 1000, NOW).toList();

        assertThat(rows).hasSize(1000);
        Set<Object> hashes = new HashSet<>();
        Set<Object> ids = new HashSet<>();
        rows.forEach(row -> {
            assertThat(row).hasSize(LinkSeeder.COLUMNS.size());
            hashes.add(row[3]);
            ids.add(row[0]);
            assertThat(row[1]).isEqualTo("realm-1");
            assertThat((long) row[9]).isGreaterThan(NOW.toEpochMilli());
        });
        assertThat(hashes).hasSize(1000);
        assertThat(ids).hasSize(1000);
        for (int i = 0; i < 10; i++) {
            Object[] opened = rows.get(i * 100);
            assertThat(opened[0]).isEqualTo("link-" + i);
            assertThat(opened[2]).isEqualTo("user-" + i);
            assertThat(opened[3]).isEqualTo(LinkCodes.hash("code-" + i));
            assertThat(opened[11]).isEqualTo("device-" + i);
        }
    }

    @Test
    void withoutFillerTheStoreHoldsJustTheOpenedLinks() {
        List<LinkSeeder.Link> links = List.of(new LinkSeeder.Link("a", "code-a", "u", "+447700900001", null),
                new LinkSeeder.Link("b", "code-b", "u", "+447700900002", null));

        List<Object[]> rows = LinkSeeder.rows("r", links, 2, NOW).toList();

        assertThat(rows).extracting(row -> row[0]).containsExactly("a", "b");
        assertThat(rows.get(0)[12]).as("no device, no binding time").isNull();
    }
}
