package org.playerdesk.privacy;

import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;

/**
 * Rows of an export as a holder reads them: each column of a query under its name in camel case
 * ({@code contact_email} as {@code contactEmail}), times as ISO-8601 instants, ids as text.
 */
public final class ExportRows {

    /** Reads one row of any query as an export row. */
    public static final RowMapper<Map<String, Object>> MAPPER = (rs, n) -> {
        ResultSetMetaData columns = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Timestamp at) {
                value = at.toInstant().toString();
            } else if (value instanceof OffsetDateTime at) {
                value = at.toInstant().toString();
            } else if (value instanceof java.util.UUID id) {
                value = id.toString();
            }
            row.put(camelCase(columns.getColumnLabel(i)), value);
        }
        return row;
    };

    private ExportRows() {
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
