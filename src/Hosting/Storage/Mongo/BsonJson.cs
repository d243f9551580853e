using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MongoDB.Bson;

namespace Ptsp.Hosting.Storage.Mongo;

/// <summary>
/// Converts the stores' JSON to BSON and back by walking it, never through MongoDB's extended-JSON reader,
/// which would take a user's key such as "$date" or "$numberLong" for a type wrapper. Keys BSON or MongoDB
/// cannot hold as field names (a NUL, a leading '$', a '.') are escaped reversibly; keys that are valid
/// query paths are never changed, so queries and indexes see the same names as SQLite's json_extract.
/// </summary>
static class BsonJson
{
    public static BsonDocument ToBson(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object
            ? (BsonDocument)ToValue(json)
            : throw new ArgumentException($"A stored document must be a JSON object, not {json.ValueKind}.", nameof(json));

    public static T FromBson<T>(BsonDocument document)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, document);
        return JsonSerializer.Deserialize<T>(buffer.WrittenSpan, StorageJson.Options)!;
    }

    static BsonValue ToValue(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.Object => new BsonDocument(json.EnumerateObject().Select(p => new BsonElement(EscapeKey(p.Name), ToValue(p.Value)))),
        JsonValueKind.Array => new BsonArray(json.EnumerateArray().Select(ToValue)),
        JsonValueKind.String => new BsonString(json.GetString()!),
        JsonValueKind.Number => Number(json.GetRawText()),
        JsonValueKind.True => BsonBoolean.True,
        JsonValueKind.False => BsonBoolean.False,
        _ => BsonNull.Value,
    };

    /// <summary>
    /// A JSON number as SQLite compares it: whole numbers that fit as Int64, others as doubles (SQLite's REAL),
    /// except where a double would lose digits the text has (a long decimal): that keeps every digit as Decimal128.
    /// </summary>
    public static BsonValue Number(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return new BsonInt64(whole);
        var approximate = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            && !(decimal.TryParse(approximate.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var back)
                 && back == exact))
            return new BsonDecimal128(exact);
        return new BsonDouble(approximate);
    }

    static void Write(Utf8JsonWriter writer, BsonValue value)
    {
        switch (value)
        {
            case BsonDocument document:
                writer.WriteStartObject();
                foreach (var element in document)
                {
                    writer.WritePropertyName(UnescapeKey(element.Name));
                    Write(writer, element.Value);
                }

                writer.WriteEndObject();
                break;
            case BsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            case BsonString s:
                writer.WriteStringValue(s.Value);
                break;
            case BsonInt64 l:
                writer.WriteNumberValue(l.Value);
                break;
            case BsonInt32 i:
                writer.WriteNumberValue(i.Value);
                break;
            case BsonDouble d:
                writer.WriteNumberValue(d.Value);
                break;
            case BsonDecimal128 m:
                writer.WriteNumberValue(Decimal128.ToDecimal(m.Value));
                break;
            case BsonBoolean b:
                writer.WriteBooleanValue(b.Value);
                break;
            case BsonNull:
                writer.WriteNullValue();
                break;
            default:
                throw new InvalidOperationException($"A stored document holds a BSON {value.BsonType}, which the stores never write.");
        }
    }

    /// <summary>'%' starts an escape, so it is escaped too; then the escape is reversible.</summary>
    public static string EscapeKey(string key)
    {
        if (key.AsSpan().IndexOfAny("%.$\0") < 0)
            return key;
        var escaped = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (c is '%' or '.' or '$' or '\0')
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                escaped.Append(c);
        }

        return escaped.ToString();
    }

    public static string UnescapeKey(string key)
    {
        if (!key.Contains('%'))
            return key;
        var plain = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length)
            {
                plain.Append((char)int.Parse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                plain.Append(key[i]);
            }
        }

        return plain.ToString();
    }
}
