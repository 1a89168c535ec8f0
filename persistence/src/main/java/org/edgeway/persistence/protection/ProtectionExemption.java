package org.edgeway.persistence.protection;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.Set;

/** An exemption (P40): an address range, by network address and prefix length, and the categories it applies to. */
@Entity
@Table(name = "protection_exemption")
@NamedQuery(name = ProtectionExemption.ALL, query = "select e from ProtectionExemption e order by e.address, e.prefixLength")
public class ProtectionExemption {

    public static final String ALL = "ProtectionExemption.all";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String address;
    @Column(name = "prefix_length", nullable = false)
    private int prefixLength;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "protection_exemption_category", joinColumns = @JoinColumn(name = "exemption_id"))
    @Column(name = "category_id")
    private Set<String> categories = new LinkedHashSet<>();
    @Version
    private long version;

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public int getPrefixLength() {
        return prefixLength;
    }

    public void setPrefixLength(int prefixLength) {
        this.prefixLength = prefixLength;
    }

    public Set<String> getCategories() {
        return categories;
    }

    public void setCategories(Set<String> categories) {
        this.categories = new LinkedHashSet<>(categories);
    }
}
