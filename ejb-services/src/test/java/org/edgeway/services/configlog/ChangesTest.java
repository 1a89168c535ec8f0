package org.edgeway.services.configlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangesTest {

    @Test
    void recordsOnlyRealChangesAndTreatsEmptyAsUnset() {
        Changes c = new Changes("System > DNS")
                .compare("Domain name", null, "")
                .compare("System host name", "a", "a")
                .compare("DNS server address 1", "192.0.2.1", null)
                .compare("Port", 3478, 3479);
        assertEquals(List.of(new Changes.Change("System > DNS: DNS server address 1", "192.0.2.1", null),
                new Changes.Change("System > DNS: Port", "3478", "3479")), c.list());
    }

    @Test
    void secretsShowThatTheyChangedNeverTheirValue() {
        Changes c = new Changes("P").compareSecret("Pass phrase", null, "s3cret")
                .compareSecret("Key", "old", "new").compareSecret("Gone", "old", "")
                .compareSecret("Same", "x", "x");
        assertEquals(List.of(new Changes.Change("P: Pass phrase", null, "********"),
                new Changes.Change("P: Key", "********", "********"),
                new Changes.Change("P: Gone", "********", null)), c.list());
        assertTrue(c.list().stream().noneMatch(ch -> String.valueOf(ch.newValue()).contains("new")));
    }
}
