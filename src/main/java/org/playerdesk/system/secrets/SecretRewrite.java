package org.playerdesk.system.secrets;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every stored secret checked at start-up, and sealed anew with the active key where it is not yet:
 * plain values from before sealing and values under an older key. This is also the rotation: add the
 * new key, make it active, start; once the log says the rewrite is done, the old key can go.
 *
 * <p>Each column is read in batches ordered by its key; a row is written only if its value is still
 * the one read, so nodes starting together, or a change made meanwhile, lose nothing. A value no key
 * opens stops the start with the column, the row and the reason (never the value).
 */
@Component
@Order(0)
public class SecretRewrite implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretRewrite.class);

    private final JdbcClient jdbc;
    private final List<SecretColumn> columns;
    private final Secrets secrets;
    private final SecretsProperties properties;

    SecretRewrite(JdbcClient jdbc, List<SecretColumn> columns, Secrets secrets, SecretsProperties properties) {
        this.jdbc = jdbc;
        this.columns = columns;
        this.secrets = secrets;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        int rewritten = pass(secrets, properties.rewriteOnStart());
        if (rewritten > 0) {
            log.info("Secrets at rest: {} value(s) sealed anew with the key '{}'", rewritten, secrets.activeKey());
        }
    }

    /** Seals every secret not sealed with the active key anew; the number of values written. */
    public int rewriteAll() {
        return pass(secrets, true);
    }

    /** The columns checked and rewritten. */
    public List<SecretColumn> columns() {
        return columns;
    }

    int pass(Secrets with, boolean rewrite) {
        int written = 0;
        for (SecretColumn column : columns) {
            written += pass(column, with, rewrite);
        }
        return written;
    }

    private int pass(SecretColumn column, Secrets with, boolean rewrite) {
        int written = 0;
        Object after = null;
        while (true) {
            String sql = "select " + column.key() + ", " + column.column() + " from " + column.table() + " where "
                    + column.column() + " is not null" + (after == null ? "" : " and " + column.key() + " > :after")
                    + " order by " + column.key() + " fetch first " + properties.batchSize() + " rows only";
            var statement = jdbc.sql(sql);
            if (after != null) {
                statement = statement.param("after", after);
            }
            List<Object[]> rows = statement.query((rs, n) -> new Object[] { rs.getObject(1), rs.getString(2) }).list();
            for (Object[] row : rows) {
                String stored = (String) row[1];
                String secret;
                try {
                    secret = with.open(stored);
                } catch (Secrets.SecretUnreadable e) {
                    throw new IllegalStateException("The secret in " + column + " of the row " + row[0]
                            + " cannot be read: " + e.getMessage()
                            + ". Configure the key it was sealed with in playerdesk.secrets.keys "
                            + "(docs/configuration.md, secrets at rest)", e);
                }
                if (rewrite && !with.sealedWithActiveKey(stored)) {
                    written += jdbc.sql("update " + column.table() + " set " + column.column() + " = :sealed where "
                            + column.key() + " = :key and " + column.column() + " = :stored")
                            .param("sealed", with.seal(secret)).param("key", row[0]).param("stored", stored).update();
                }
            }
            if (rows.size() < properties.batchSize()) {
                return written;
            }
            after = rows.getLast()[0];
        }
    }
}
