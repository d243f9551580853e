namespace Ptsp.Web.Gateway;

public sealed record ReviewSessionView(string Kind, DateTimeOffset ScheduledAt, string Location, int Changes);
