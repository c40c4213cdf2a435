package io.caravan.server.web;

import java.util.ArrayList;
import java.util.List;

/** A WHERE clause built from optional filters, with positional parameters. Always starts with the tenant. */
public final class Where {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    public Where(String tenantColumn, long tenantId) {
        sql.append(" where ").append(tenantColumn).append(" = ?");
        params.add(tenantId);
    }

    /** Adds {@code condition} (with one {@code ?}) when {@code value} is present. */
    public Where and(String condition, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            sql.append(" and ").append(condition);
            params.add(value);
        }
        return this;
    }

    /** Adds a condition without parameters. */
    public Where and(String condition) {
        sql.append(" and ").append(condition);
        return this;
    }

    /**
     * Adds {@code column = 'name'} with the name written into the statement rather than bound: the planner can then
     * pick a partial index whose condition names it. {@code name} must be a checked name (letters, digits, '_', '-').
     */
    public Where andNamed(String column, String name) {
        sql.append(" and ").append(column).append(" = ").append(literal(name));
        return this;
    }

    /** {@code name} as an SQL string literal; only checked names (letters, digits, '_', '-') are accepted. */
    public static String literal(String name) {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a type, field, status or decision name: " + name);
        }
        return "'" + name + "'";
    }

    public String sql() {
        return sql.toString();
    }

    public Object[] params() {
        return params.toArray();
    }

    /** The parameters followed by more (limit, offset). */
    public Object[] params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(List.of(more));
        return all.toArray();
    }
}
