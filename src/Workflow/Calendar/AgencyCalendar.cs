using Ptsp.Contracts.Calendar;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Calendar;

public sealed class AgencyCalendar(StorageFactory storage, WorkingCalendar calendar)
{
    public const string DocumentId = "agency";

    public static readonly CollectionDefinition<CalendarDocument> Definition = new("calendar");

    public Task<IDocumentCollection<CalendarDocument>> CollectionAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, Definition, cancellationToken);

    /// <summary>The stored calendar, or the configured one (revision 0) before the first change.</summary>
    public async Task<(CalendarDocument Document, long? Version)> ReadAsync(CancellationToken cancellationToken)
    {
        var stored = await (await CollectionAsync(cancellationToken)).FindAsync(DocumentId, cancellationToken);
        if (stored is not null)
            return (stored.Document, stored.Version);
        return (new CalendarDocument
        {
            Holidays = calendar.Options.Holidays.Select(CalendarContract.ToEntry).ToList(),
            Overrides = calendar.Options.Overrides.Select(CalendarContract.ToEntry).ToList(),
        }, null);
    }

    public CalendarView View(CalendarDocument document, int year) => new(
        year,
        document.Revision,
        calendar.TimeZone.Id,
        CalendarContract.Week(calendar.Options),
        document.Holidays.Where(h => h.Date.Year == year).OrderBy(h => h.Date).ToList(),
        document.Overrides.Where(o => o.From.Year <= year && o.To.Year >= year).OrderBy(o => o.From).ToList(),
        document.ChangedBy,
        document.ChangedAt);
}
