package org.edgeway.persistence.hsm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One nShield module of Maintenance &gt; Security &gt; HSM configuration, added and deleted, never changed. */
@Entity
@Table(name = "hsm_module")
@NamedQuery(name = HsmModule.ALL, query = "select m from HsmModule m order by m.id")
@NamedQuery(name = HsmModule.COUNT_BY_ESN, query = "select count(m) from HsmModule m where m.esn = :esn")
public class HsmModule {

    public static final String ALL = "HsmModule.all";
    public static final String COUNT_BY_ESN = "HsmModule.countByEsn";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String address;
    @Column(nullable = false)
    private int port;
    /** Electronic Serial Number, e.g. {@code A285-4F5E-B0CD}. */
    @Column(nullable = false, unique = true)
    private String esn;
    /** The module's KNETI hash (network integrity key), 40 hex digits. */
    @Column(nullable = false)
    private String kneti;

    protected HsmModule() {
    }

    public HsmModule(String address, int port, String esn, String kneti) {
        this.address = address;
        this.port = port;
        this.esn = esn;
        this.kneti = kneti;
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public int getPort() {
        return port;
    }

    public String getEsn() {
        return esn;
    }

    public String getKneti() {
        return kneti;
    }
}
