package io.jenkins.plugins.upstreampr.chant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecIdOrderTest {

    @Test
    void naturalOrderPutsDriversBeforeMembersAndMembersByNumber() {
        List<SpecId> ids = new ArrayList<>(List.of(new SpecId("2026-01-22-001-x7m.10"), new SpecId("2026-01-22-00a-abc"),
                new SpecId("2026-01-22-001-x7m.2"), new SpecId("2026-01-22-001-x7m"), new SpecId("2026-01-22-001-x7m.2.1"),
                new SpecId("2026-01-22-001-x7m.002"), new SpecId("2026-01-22-001-x7m.0")));
        ids.sort(null);

        assertThat(SpecId.values(ids)).containsExactly("2026-01-22-001-x7m", "2026-01-22-001-x7m.0",
                "2026-01-22-001-x7m.2", "2026-01-22-001-x7m.002", "2026-01-22-001-x7m.2.1", "2026-01-22-001-x7m.10",
                "2026-01-22-00a-abc");
    }
}
