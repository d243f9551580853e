namespace Ptsp.Contracts.Accounts;

/// <summary>
/// An appointment as acting head: <paramref name="Kind"/> is "Plt" (pelaksana tugas) or "Plh" (pelaksana harian);
/// during [<paramref name="From"/>, <paramref name="Until"/>) the officer holds <paramref name="Role"/> and signs as "Plt. …".
/// </summary>
public sealed record ActingAppointment(string Role, string Kind, DateTimeOffset From, DateTimeOffset Until);
