using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Serialization;
using Ptsp.Contracts.Permits;
using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>
/// docs/asyncapi.json against the contracts, by reflection: every public event (a contract with [EntityName]) is documented
/// with its exchange, its message type and exactly its fields, and its example is a message MassTransit itself reads and writes
/// the same way. A new public event without documentation, or a field added or renamed, fails here.
/// </summary>
public sealed class AsyncApiDocumentTests
{
    static readonly JsonObject Document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "asyncapi.json")))!.AsObject();

    public static TheoryData<string> PublicEvents()
    {
        var data = new TheoryData<string>();
        foreach (var type in PublicEventTypes())
            data.Add(type.Name);
        return data;
    }

    [Fact]
    public void The_document_is_asyncapi_3_and_lists_no_event_that_does_not_exist()
    {
        Assert.Equal("3.0.0", Document.Get<string>("asyncapi"));
        var documented = Document["channels"]!.AsObject().Select(c => c.Value!.Get<string>("address")).Order().ToList();
        Assert.Equal(PublicEventTypes().Select(EntityName).Order().ToList(), documented);
        Assert.Contains("ptsp.permit-issued.v1", documented);
        Assert.Contains("ptsp.permit-revoked.v1", documented);
    }

    [Theory]
    [MemberData(nameof(PublicEvents))]
    public void Every_public_event_is_documented_with_its_exchange_message_type_and_fields(string name)
    {
        var type = PublicEventTypes().Single(t => t.Name == name);
        var exchange = EntityName(type);

        var channel = Document["channels"]!.AsObject().Select(c => c.Value!.AsObject()).SingleOrDefault(c => c.Get<string>("address") == exchange);
        Assert.True(channel is not null, $"{name}: no channel with address {exchange} in docs/asyncapi.json");
        var binding = channel["bindings"]!["amqp"]!["exchange"]!;
        Assert.Equal(exchange, binding.Get<string>("name"));
        Assert.Equal("fanout", binding.Get<string>("type"));
        Assert.True(Document["operations"]!.AsObject().Any(o => o.Value!["channel"]!.Get<string>("$ref") == $"#/channels/{channel.GetPropertyName()}"
                                                             && o.Value.Get<string>("action") == "receive"), $"{name}: no receive operation");

        var message = Resolve(channel["messages"]!.AsObject().Single().Value!);
        Assert.Equal($"urn:message:{type.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString().Replace("urn:message:", "")}",
            message.Get<string>("x-message-type"));
        Assert.Equal(exchange, message.Get<string>("x-exchange"));
        CheckSchema(type, Resolve(message["payload"]!["properties"]!["message"]!), name);

        // The example is a real message: MassTransit's serializer reads it into the contract and writes the same fields back.
        var examples = message["examples"]!.AsArray();
        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var payload = example!["payload"]!;
            Assert.Contains($"urn:message:{type.GetCustomAttribute<MessageUrnAttribute>()!.Urn.ToString().Replace("urn:message:", "")}",
                payload["messageType"]!.AsArray().Select(t => t!.GetValue<string>()));
            var json = payload["message"]!.ToJsonString();
            var read = JsonSerializer.Deserialize(json, type, SystemTextJsonMessageSerializer.Options)!;
            var written = JsonNode.Parse(JsonSerializer.Serialize(read, type, SystemTextJsonMessageSerializer.Options))!.AsObject();
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written),
                $"{name}: the example is not what MassTransit writes for it:\n{json}\n{written.ToJsonString()}");
        }
    }

    /// <summary>The schema's properties are exactly the record's (camelCase), required exactly when not nullable, with matching JSON types.</summary>
    static void CheckSchema(Type type, JsonObject schema, string path)
    {
        var nullability = new NullabilityInfoContext();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.Name != "EqualityContract").ToList();
        var documented = schema["properties"]!.AsObject();
        Assert.Equal(properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().ToList(), documented.Select(p => p.Key).Order().ToList());

        var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).Order().ToList() ?? [];
        var notNullable = properties
            .Where(p => nullability.Create(p).ReadState != NullabilityState.Nullable && Nullable.GetUnderlyingType(p.PropertyType) is null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order().ToList();
        Assert.True(notNullable.SequenceEqual(required), $"{path}: required [{string.Join(", ", required)}], expected [{string.Join(", ", notNullable)}]");

        foreach (var property in properties)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            CheckType(property.PropertyType, documented[name]!.AsObject(), $"{path}.{name}");
        }
    }

    static void CheckType(Type type, JsonObject schema, string path)
    {
        // A nullable reference is written as oneOf [ref, null].
        if (schema["oneOf"] is JsonArray choices)
            schema = choices.Select(c => c!.AsObject()).Single(c => c["type"]?.ToString() != "null");
        if (schema["$ref"] is not null)
        {
            CheckSchema(type, Resolve(schema), path);
            return;
        }

        var actual = Nullable.GetUnderlyingType(type) ?? type;
        var types = schema["type"] is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [schema.Get<string>("type")];
        var expected = actual switch
        {
            _ when actual == typeof(string) || actual == typeof(Guid) || actual == typeof(DateTimeOffset) || actual == typeof(DateOnly)
                 || actual == typeof(TimeOnly) => "string",
            // MassTransit writes enums as their numbers (the example round trip below proves it).
            _ when actual == typeof(int) || actual == typeof(long) || actual.IsEnum => "integer",
            _ when actual == typeof(bool) => "boolean",
            _ when actual.IsGenericType && actual.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => "array",
            _ => "object",
        };
        Assert.True(types.Contains(expected), $"{path}: documented as {string.Join("|", types)}, is {actual.Name} ({expected})");
        if (actual.IsEnum)
        {
            Assert.Equal(Enum.GetValues(actual).Cast<object>().Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)), schema["enum"]!.AsArray().OfType<JsonNode>().Select(e => e.GetValue<int>()));
            Assert.Equal(actual.Name + ": " + string.Join(", ", Enum.GetNames(actual).Select(n => $"{Convert.ToInt32(Enum.Parse(actual, n), System.Globalization.CultureInfo.InvariantCulture)} = {n}")),
                schema.Get<string>("description"));
        }
        if (expected == "array")
            CheckType(actual.GetGenericArguments()[0], schema["items"]!.AsObject(), $"{path}[]");
        if (actual.IsGenericType && actual.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            CheckType(actual.GetGenericArguments()[1], schema["additionalProperties"]!.AsObject(), $"{path}{{}}");
    }

    static JsonObject Resolve(JsonNode node)
    {
        var reference = node["$ref"]?.GetValue<string>();
        if (reference is null)
            return node.AsObject();
        JsonNode current = Document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
            current = current[part] ?? throw new Xunit.Sdk.XunitException($"Unresolved reference {reference}");
        return Resolve(current);
    }

    static IReadOnlyList<Type> PublicEventTypes() =>
        typeof(PermitIssued).Assembly.GetTypes().Where(t => t.GetCustomAttribute<EntityNameAttribute>() is not null).OrderBy(t => t.Name).ToList();

    static string EntityName(Type type) => type.GetCustomAttribute<EntityNameAttribute>()!.EntityName;

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ptsp.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Ptsp.slnx not found above the test directory.");
    }
}
