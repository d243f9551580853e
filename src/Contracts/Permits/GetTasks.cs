namespace Ptsp.Contracts.Permits;

/// <summary>What waits for a role, oldest due first; for a section head only the files of <paramref name="Sectors"/> (when given).</summary>
public sealed record GetTasks(string Role, IReadOnlyList<string>? Sectors = null);
