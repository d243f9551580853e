namespace Ptsp.Hosting.Storage;

public sealed record IndexDefinition(string Field, bool Unique)
{
    public string Name => "ix_" + Field.Replace('.', '_');
}
