using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Calendar;

/// <summary>A day off set by decree or by the regency: a national holiday, a cuti bersama, a regional holiday.</summary>
public sealed record Holiday(DateOnly Date, string Name);
