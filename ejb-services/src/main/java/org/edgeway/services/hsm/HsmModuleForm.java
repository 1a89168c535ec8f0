package org.edgeway.services.hsm;

import java.io.Serializable;

/** Add Module: an nShield module's address, port, ESN and KNETI hash. */
public class HsmModuleForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String address;
    private Integer port = HsmRules.DEFAULT_MODULE_PORT;
    private String esn;
    private String kneti;

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getEsn() {
        return esn;
    }

    public void setEsn(String esn) {
        this.esn = esn;
    }

    public String getKneti() {
        return kneti;
    }

    public void setKneti(String kneti) {
        this.kneti = kneti;
    }
}
