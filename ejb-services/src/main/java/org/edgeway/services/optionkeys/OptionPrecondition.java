package org.edgeway.services.optionkeys;

import java.io.Serializable;

/**
 * A feature the seeds put behind an option key (HSM, Advanced Networking), as the page shows it: always met on
 * Edgeway, with the reason.
 */
public record OptionPrecondition(String option, boolean met, String detail) implements Serializable {
}
