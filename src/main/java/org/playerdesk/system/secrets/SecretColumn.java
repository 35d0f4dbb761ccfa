package org.playerdesk.system.secrets;

import java.util.regex.Pattern;

/**
 * A column that holds sealed secrets, declared as a bean by the module that owns its table, so that
 * the start-up check and {@link SecretRewrite} reach every secret without knowing the modules.
 *
 * @param table the table
 * @param key a column that identifies a row alone (its primary key)
 * @param column the column of the secret
 */
public record SecretColumn(String table, String key, String column) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public SecretColumn {
        for (String name : new String[] { table, key, column }) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a table or column name: " + name);
            }
        }
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
