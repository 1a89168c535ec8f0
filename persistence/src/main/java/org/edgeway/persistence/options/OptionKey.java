package org.edgeway.persistence.options;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An option key of Maintenance &gt; Option keys (P48): the key as entered and the option it names. */
@Entity
@Table(name = "option_key")
@NamedQuery(name = OptionKey.ALL, query = "select k from OptionKey k order by k.id")
@NamedQuery(name = OptionKey.BY_KEY, query = "select k from OptionKey k where k.key = :key")
public class OptionKey {

    public static final String ALL = "OptionKey.all";
    public static final String BY_KEY = "OptionKey.byKey";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "option_key", nullable = false, unique = true)
    private String key;
    @Column(nullable = false)
    private String description;
    @Column(name = "added_at", nullable = false)
    private Instant addedAt;
    @Column(name = "added_by", nullable = false)
    private String addedBy;

    protected OptionKey() {
    }

    public OptionKey(String key, String description, Instant addedAt, String addedBy) {
        this.key = key;
        this.description = description;
        this.addedAt = addedAt;
        this.addedBy = addedBy;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getDescription() {
        return description;
    }

    public Instant getAddedAt() {
        return addedAt;
    }

    public String getAddedBy() {
        return addedBy;
    }
}
