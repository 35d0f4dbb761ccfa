package org.playerdesk.reliability;

/**
 * The database a node runs on: what PLAYERDESK_DB_URL, _USER and _PASSWORD say to it. A node
 * without one runs on PlayerDesk's default, the embedded H2 file database in its data folder.
 */
record Database(String url, String user, String password) {

    /** The database the test suite runs on when PLAYERDESK_DB_URL is set (CI's PostgreSQL run), or null. */
    static Database ofSuite() {
        String url = System.getenv("PLAYERDESK_DB_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        return new Database(url, envOr("PLAYERDESK_DB_USER", "sa"), envOr("PLAYERDESK_DB_PASSWORD", ""));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
