using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Deadlines;

/// <summary>An officer as Workflow knows them from <see cref="OfficerChanged"/>: whom escalation emails go to.</summary>
public sealed class OfficerEntry
{
    public Guid OfficerId { get; set; }

    public string Username { get; set; } = "";

    public string FullName { get; set; } = "";

    public string? Email { get; set; }

    public List<string> Roles { get; set; } = [];

    public List<string> Sectors { get; set; } = [];

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
