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
                var values = ((System.Collections.IEnumerable)condition.Value!).Cast<object?>().ToArray();
                if (values.Length == 0)
                {
                    sql.Append("0");
                    continue;
                }

                sql.Append(field).Append(" IN (");
                for (var j = 0; j < values.Length; j++)
                {
                    sql.Append(j > 0 ? ", " : "").Append($"{name}_{j}");
                    command.Parameters.AddWithValue($"{name}_{j}", ToSql(values[j]));
                }

                sql.Append(')');
                continue;
            }

            var value = ToSql(condition.Value);
            if (value is DBNull)
            {
                sql.Append(condition.Operator switch
                {
                    Operator.Equal => $"{field} IS NULL",
                    Operator.NotEqual => $"{field} IS NOT NULL",
                    _ => throw new ArgumentException($"Operator {condition.Operator} cannot compare with null."),
                });
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
            sql.Append($" ORDER BY {Field(query.OrderBy)} {(query.Descending ? "DESC" : "ASC")}, id");
        if (query.Limit is int limit)
        {
            sql.Append(" LIMIT $limit");
            command.Parameters.AddWithValue("$limit", limit);
        }

        return sql.ToString();
    }

    // JSON booleans come out of json_extract as 1 and 0.
    static object ToSql(object? value) => Query.Normalize(value) switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        var v => v,
    };
}
