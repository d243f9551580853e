using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>
/// The public API contract cannot drift silently: the OpenAPI document's operations, their response status codes and
/// content types are compared with <c>openapi-snapshot.txt</c>. After an intended change, regenerate it with
/// <c>UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/Gateway.Tests --filter OpenApiSnapshot</c> and commit the file.
/// </summary>
public sealed class OpenApiSnapshotTests(InProcessPtsp ptsp) : IClassFixture<InProcessPtsp>
{
    static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task The_openapi_document_matches_the_checked_in_snapshot()
    {
        var document = await DocumentAsync(ptsp);
        var actual = Describe(document);
        var path = SnapshotPath();

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; create it with UPDATE_OPENAPI_SNAPSHOT=1.");
        var expected = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        if (expected == actual)
            return;

        var expectedLines = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var actualLines = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        var message = new StringBuilder("The OpenAPI document differs from tests/Gateway.Tests/openapi-snapshot.txt. If the change is intended, run " +
                                        "UPDATE_OPENAPI_SNAPSHOT=1 dotnet test tests/Gateway.Tests --filter OpenApiSnapshot and commit the file.\n");
        foreach (var line in expectedLines.Except(actualLines))
            message.Append("  - ").AppendLine(line);
        foreach (var line in actualLines.Except(expectedLines))
            message.Append("  + ").AppendLine(line);
        Assert.Fail(message.ToString());
    }

    [Fact]
    public async Task Every_error_response_in_the_document_is_described_as_problem_details()
    {
        var document = await DocumentAsync(ptsp);
        Assert.NotNull(document["components"]?["schemas"]?["ProblemDetails"]);
        var missing = new List<string>();
        foreach (var (method, path, operation) in Operations(document))
        {
            var responses = operation["responses"]!.AsObject();
            if (!responses.Any(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')))
                missing.Add($"{method} {path}: no error response declared");
            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')))
            {
                var content = Resolve(document, response)?["content"]?.AsObject();
                if (content is null || !content.ContainsKey("application/problem+json"))
                    missing.Add($"{method} {path} {status}: not application/problem+json");
            }
        }

        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    internal static async Task<JsonNode> DocumentAsync(InProcessPtsp ptsp)
    {
        var response = await ptsp.Api.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The public operations (the services' internal routes are not part of the contract).</summary>
    internal static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        where !path.Key.StartsWith("/internal", StringComparison.Ordinal)
        from operation in path.Value!.AsObject()
        where Methods.Contains(operation.Key)
        select (operation.Key.ToUpperInvariant(), path.Key, operation.Value!.AsObject());

    internal static JsonNode? Resolve(JsonNode document, JsonNode? node)
    {
        while (node?["$ref"]?.GetValue<string>() is { } reference)
        {
            node = document;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
                node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }

    /// <summary>One line per operation: method, path, and each response's status with its content types.</summary>
    static string Describe(JsonNode document)
    {
        var lines = new List<string>();
        foreach (var (method, path, operation) in Operations(document))
        {
            var responses = operation["responses"]?.AsObject() ?? [];
            var parts = responses.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
            {
                var content = Resolve(document, r.Value)?["content"]?.AsObject();
                var types = content is null ? "" : string.Join(",", content.Select(c => c.Key).Order(StringComparer.Ordinal));
                return types.Length == 0 ? r.Key : $"{r.Key} {types}";
            });
            lines.Add($"{method} {path} | {string.Join(" | ", parts)}");
        }

        return string.Join("\n", lines.Order(StringComparer.Ordinal)) + "\n";
    }

    static string SnapshotPath([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "openapi-snapshot.txt");
}
