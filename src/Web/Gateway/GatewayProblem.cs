namespace Ptsp.Web.Gateway;

/// <summary>
/// The Gateway refused (RFC 7807 problem details) or could not be reached (503). <see cref="Title"/> is the API's
/// message in Bahasa Indonesia; <see cref="Errors"/> are its validation messages keyed by the API's field names.
/// </summary>
public sealed class GatewayProblem(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null,
    Exception? inner = null) : Exception(title, inner)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static GatewayProblem Unavailable(Exception? inner = null) =>
        new(StatusCodes.Status503ServiceUnavailable, "Layanan sedang tidak tersedia. Silakan coba lagi sebentar lagi.", inner: inner);
}
