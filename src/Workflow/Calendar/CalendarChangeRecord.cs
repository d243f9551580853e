using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Calendar;

public sealed record CalendarChangeRecord(long Revision, int Year, string ChangedBy, DateTimeOffset ChangedAt, string Summary);
