package org.edgeway.services.sip;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.edgeway.engine.sip.SipSnapshot;

/** One search on Status &gt; Search history: the request, the rules tried in order and the result. */
public record SearchRow(Instant at, String method, String sourceZone, String alias, List<String> rulesTried,
        String result, int status) implements Serializable {

    static SearchRow of(SipSnapshot.SearchView s) {
        return new SearchRow(s.at(), s.method(), s.sourceZone(), s.alias(), s.rulesTried(), s.result(), s.status());
    }

    public Instant getAt() {
        return at;
    }

    public String getMethod() {
        return method;
    }

    public String getSourceZone() {
        return sourceZone;
    }

    public String getAlias() {
        return alias;
    }

    public List<String> getRulesTried() {
        return rulesTried;
    }

    public String getResult() {
        return result;
    }

    public int getStatus() {
        return status;
    }
}
