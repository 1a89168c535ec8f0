package org.edgeway.services.hsm;

import java.io.Serializable;

/** A row of the module table. */
public record HsmModuleView(long id, String address, int port, String esn, String kneti) implements Serializable {
}
