package fr.anct.opencollectivites.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.imports.ImportTestSupport;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.security.AuditLog;
import fr.anct.opencollectivites.security.AuditSearch;

/**
 * Entries written within the same millisecond are read back in the order they were written (newest
 * first): the log's order does not depend on the random part of the entry names.
 */
@Tag("repository")
class AuditLogTest {
    private OakRepository repository;

    @BeforeEach
    void setUp() throws Exception {
        repository = ImportTestSupport.bootstrapped(OakRepository.inMemory());
    }

    @AfterEach
    void tearDown() throws Exception {
        repository.close();
    }

    @Test
    void entriesOfTheSameMillisecondKeepTheOrderTheyWereWrittenIn() {
        AuditLog audit = new AuditLog(repository, Clock.fixed(Instant.parse("2026-11-23T23:59:59.999Z"), ZoneOffset.UTC));
        for (int i = 0; i < 60; i++) {
            audit.record("paul", "publish", "website:/callouts/n" + i, null);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 59; i >= 0; i--) {
            expected.add("website:/callouts/n" + i);
        }
        List<String> latest = repository.withSystemSession(s -> audit.latest(s, 100).stream().map(AuditLog.Entry::target).toList());
        assertThat(latest).containsExactlyElementsOf(expected);
        AuditSearch.Page first = repository.withSystemSession(s -> new AuditSearch().search(s,
                new AuditSearch.Filter("paul", "publish", null, null), 1, 50));
        assertThat(first.entries()).hasSize(50).extracting(AuditLog.Entry::target).containsExactlyElementsOf(expected.subList(0, 50));
        assertThat(first.hasNext()).isTrue();
        AuditSearch.Page second = repository.withSystemSession(s -> new AuditSearch().search(s,
                new AuditSearch.Filter(null, null, null, null), 2, 50));
        assertThat(second.entries()).extracting(AuditLog.Entry::target).containsExactlyElementsOf(expected.subList(50, 60));
    }
}
