using Ptsp.Contracts;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Deadlines;

/// <summary>
/// Workflow's own copy of the officer accounts (Registration owns them and publishes every change). Escalation emails go
/// to the active officers of the role with an address — for step 8 the section heads of the permit's sector — and to the
/// configured mailbox (<c>Escalation__Recipients__&lt;Role&gt;</c>) only when there is none.
/// </summary>
public sealed class OfficerDirectory(StorageFactory storage)
{
    public static readonly CollectionDefinition<OfficerEntry> Definition = new("officers");

    public Task<IDocumentCollection<OfficerEntry>> CollectionAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, Definition, cancellationToken);

    public async Task<IReadOnlyList<OfficerEntry>> ActiveAsync(CancellationToken cancellationToken) =>
        (await (await CollectionAsync(cancellationToken)).QueryAsync(Query.By("active", true).Take(5000), cancellationToken))
        .Select(s => s.Document).ToList();

    /// <summary>Who is told about <paramref name="role"/>'s step of <paramref name="saga"/>: (address, name) pairs, never empty.</summary>
    public static IReadOnlyList<(string Email, string Name)> Recipients(IReadOnlyList<OfficerEntry> officers, string role, IDeadline saga,
        EscalationOptions options, string roleName)
    {
        var sector = (saga as PermitState)?.Sector;
        var own = officers
            .Where(o => o is { Active: true, Email: not null } && o.Roles.Contains(role))
            .Where(o => role != Roles.SectionHead || sector is null || o.Sectors.Contains(sector))
            .OrderBy(o => o.Username, StringComparer.Ordinal)
            .Select(o => (o.Email!, o.FullName))
            .ToList();
        return own.Count > 0 ? own : [(options.Recipient(role), roleName)];
    }
}
