package org.edgeway.services.optionkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The option key shape: accepted in any case and stored in upper case; anything else refused. */
class OptionKeyFormatTest {

    @Test
    void aKeyIsNormalizedAndNamesItsOption() {
        assertEquals(Optional.of("116341H00-1-0A1B2C3D"), OptionKeyFormat.normalize(" 116341h00-1-0a1b2c3d "));
        assertEquals("HSM", OptionKeyFormat.description("116341H00-1-0A1B2C3D"));
        assertEquals("Advanced Networking", OptionKeyFormat.description("116341A00-12-DEADBEEF"));
        assertEquals("Software option", OptionKeyFormat.description("116341Z00-1-DEADBEEF"));
    }

    @Test
    void otherShapesAreRefused() {
        for (String bad : new String[] {null, "", "HSM", "116341H00-1-0A1B2C3", "116341H00-1-0A1B2C3G",
                "11634H00-1-0A1B2C3D", "116341H0-1-0A1B2C3D", "116341H00-1234-0A1B2C3D", "116341100-1-0A1B2C3D"}) {
            assertTrue(OptionKeyFormat.normalize(bad).isEmpty(), bad);
        }
    }
}
