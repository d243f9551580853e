namespace Ptsp.Hosting.Storage;

/// <summary>A document read from a collection, with the version to pass back when replacing it.</summary>
public sealed record Stored<T>(string Id, long Version, T Document)
    where T : class;
