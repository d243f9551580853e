namespace Ptsp.Contracts.Calendar;

/// <summary>
/// Other working hours between two dates (inclusive), e.g. Ramadan. <paramref name="Week"/> maps a weekday
/// ("Mon" … "Sun") to its windows ("08:00-12:00,12:30-15:00"; empty: a day off); days it leaves out keep the ordinary week.
/// </summary>
public sealed record WorkingHoursOverride(string Name, DateOnly From, DateOnly To, IReadOnlyDictionary<string, string> Week);
