using System.Text;
using Microsoft.Data.Sqlite;

namespace Ptsp.Hosting.Storage.Sqlite;

/// <summary>Turns a <see cref="Query"/> into SQL over the JSON bodies (json_extract), with parameters.</summary>
static class SqliteQuery
{
    public static string Field(string field) => $"json_extract(body, '$.{StorageNames.ValidateField(field)}')";

    public static string Where(Query query, SqliteCommand command)
    {
        if (query.Where.Count == 0)
            return "";

        var sql = new StringBuilder(" WHERE ");
        for (var i = 0; i < query.Where.Count; i++)
        {
            if (i > 0)
                sql.Append(" AND ");
            var condition = query.Where[i];
            var field = Field(condition.Field);
            var name = $"$p{i}";

            if (condition.Operator == Operator.In)
            {
                var values = Query.InValues(condition);
                if (values.Count == 0)
                {
                    sql.Append('0');
                    continue;
                }

                // A null in the list matches an absent or null field, as equality with null does (and MongoDB's $in).
                var listed = values.Where(v => v is not null).ToArray();
                var orNull = listed.Length < values.Count;
                sql.Append(orNull ? "(" : "");
                if (listed.Length > 0)
                {
                    sql.Append(field).Append(" IN (");
                    for (var j = 0; j < listed.Length; j++)
                    {
                        sql.Append(j > 0 ? ", " : "").Append($"{name}_{j}");
                        command.Parameters.AddWithValue($"{name}_{j}", ToSql(listed[j]));
                    }

                    sql.Append(')');
                }

                if (orNull)
                    sql.Append(listed.Length > 0 ? " OR " : "").Append($"{field} IS NULL)");
                continue;
            }

            var value = ToSql(Query.ComparedValue(condition));
            if (value is DBNull)
            {
                sql.Append(condition.Operator == Operator.Equal ? $"{field} IS NULL" : $"{field} IS NOT NULL");
                continue;
            }

            var op = condition.Operator switch
            {
                Operator.Equal => "=",
                Operator.NotEqual => "IS NOT",
                Operator.LessThan => "<",
                Operator.LessThanOrEqual => "<=",
                Operator.GreaterThan => ">",
                Operator.GreaterThanOrEqual => ">=",
                _ => throw new ArgumentOutOfRangeException(nameof(query)),
            };
            sql.Append($"{field} {op} {name}");
            command.Parameters.AddWithValue(name, value);
        }

        return sql.ToString();
    }

    public static string OrderAndLimit(Query query, SqliteCommand command)
    {
        var sql = new StringBuilder();
        if (query.OrderBy is not null)
        {
            // Ties broken by id in the sort's own direction: then the plain index on (field, id) serves the whole ORDER BY and
            // a LIMIT reads only what it returns. With "id" always ascending, SQLite scanned and sorted the whole table for
            // every sorted query (the audit log's head, read before each of its appends, measured 39 ms at 20,000 entries).
            var direction = query.Descending ? "DESC" : "ASC";
            sql.Append($" ORDER BY {Field(query.OrderBy)} {direction}, id {direction}");
        }

        if (query.Limit is int limit)
        {
            sql.Append(" LIMIT $limit");
            command.Parameters.AddWithValue("$limit", limit);
        }

        return sql.ToString();
    }

    // JSON booleans come out of json_extract as 1 and 0, and every non-whole number as a REAL; a decimal
    // parameter would be bound as text, which never equals a number.
    static object ToSql(object? normalized) => normalized switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        decimal m => (double)m,
        var v => v,
    };
}
