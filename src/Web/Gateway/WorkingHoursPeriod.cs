namespace Ptsp.Web.Gateway;

public sealed record WorkingHoursPeriod(string Name, DateOnly From, DateOnly To, IReadOnlyDictionary<string, string> Week);
