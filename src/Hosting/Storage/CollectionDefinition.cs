namespace Ptsp.Hosting.Storage;

/// <summary>A collection's name and the fields it indexes. Field paths are the camelCase JSON names ("status", "profile.email").</summary>
public sealed class CollectionDefinition<T>(string name)
    where T : class
{
    readonly List<IndexDefinition> _indexes = [];

    public string Name { get; } = StorageNames.Validate(name);

    public IReadOnlyList<IndexDefinition> Indexes => _indexes;

    /// <summary>An index on one field. A unique index ignores documents where the field is absent or null.</summary>
    public CollectionDefinition<T> Index(string field, bool unique = false)
    {
        _indexes.Add(new IndexDefinition(StorageNames.ValidateField(field), unique));
        return this;
    }
}
