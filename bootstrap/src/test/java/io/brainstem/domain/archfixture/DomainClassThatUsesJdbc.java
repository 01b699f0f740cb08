package io.brainstem.domain.archfixture;

import java.sql.Connection;

/** A deliberate violation for the architecture self-test: a "domain" class using JDBC. Test-only. */
public final class DomainClassThatUsesJdbc {

    public boolean usable(Connection connection) throws java.sql.SQLException {
        return connection.isValid(1);
    }
}
