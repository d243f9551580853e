using System.Security.Claims;
using MassTransit;
using Ptsp.Contracts.Audit;

namespace Ptsp.Gateway.Audit;

/// <summary>
/// Records every user action on API v1 for the audit log (issue 14 point 5, ADR 0015): each request that changes
/// something (any method but GET/HEAD/OPTIONS) and each view or download of a document, with who, role, what, when, from
/// which address and the answer's status. The entry is sent after the response has gone out, so recording neither slows
/// nor fails the user's action; Registration appends it to the hash chain.
/// </summary>
public sealed class AuditRecorder(IBus bus, TimeProvider time, ILogger<AuditRecorder> logger)
{
    const string SubjectKey = "ptsp.audit.subject";

    static readonly string[] DocumentReads = ["/receipt", "/decision", "/draft", "/inspection-report", "/documents/{requirementCode}"];

    const string SubjectRolesKey = "ptsp.audit.subject-roles";

    /// <summary>A handler that knows who acts before authentication does (a sign-in) names them, and their roles once known.</summary>
    public static void NameSubject(HttpContext http, string? username, IEnumerable<string>? roles = null)
    {
        if (!string.IsNullOrWhiteSpace(username))
            http.Items[SubjectKey] = username.Trim();
        if (roles is not null)
            http.Items[SubjectRolesKey] = string.Join(",", roles);
    }

    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        if (http.Request.Path.StartsWithSegments("/api/v1"))
        {
            var at = time.GetUtcNow();
            http.Response.OnCompleted(() => RecordAsync(http, at));
        }

        await next();
    }

    Task RecordAsync(HttpContext http, DateTimeOffset at)
    {
        if (http.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } pattern })
            return Task.CompletedTask;
        var route = Template(pattern);
        var method = http.Request.Method;
        var audited = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            || DocumentReads.Any(d => route.EndsWith(d, StringComparison.Ordinal));
        return audited ? SendAsync(Entry(http, at, method, route)) : Task.CompletedTask;
    }

    async Task SendAsync(RecordAuditEntry entry)
    {
        try
        {
            var endpoint = await bus.GetSendEndpoint(AuditQueues.RecordAddress);
            await endpoint.Send(entry);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Audit entry {EntryId} ({Action} by {Username}) could not be sent to the audit log", entry.EntryId, entry.Action, entry.Username);
        }
    }

    static RecordAuditEntry Entry(HttpContext http, DateTimeOffset at, string method, string route)
    {
        var user = http.User;
        var signedIn = user.Identity?.IsAuthenticated == true;
        var username = signedIn ? user.Identity!.Name : http.Items[SubjectKey] is string subject ? Truncate(subject, 100) : null;
        var roles = signedIn ? string.Join(",", user.FindAll(((ClaimsIdentity)user.Identity!).RoleClaimType).Select(c => c.Value))
            : http.Items[SubjectRolesKey] as string;
        var values = http.Request.RouteValues;
        Guid? applicationId = route.StartsWith("applications/{id}", StringComparison.Ordinal)
            && Guid.TryParse(values["id"]?.ToString(), out var id) ? id : null;
        var target = string.Join(";", values
            .Where(v => !(applicationId is not null && v.Key == "id") && v.Value is not null)
            .Select(v => $"{v.Key}={v.Value}"));
        return new RecordAuditEntry(NewId.NextGuid(), at, username, string.IsNullOrEmpty(roles) ? null : roles, $"{method} {route}", applicationId,
            target.Length == 0 ? null : Truncate(target, 200), RateLimits.ClientAddress(http), http.Response.StatusCode);
    }

    /// <summary>"/api/v1/applications/{id:guid}/completeness" → "applications/{id}/completeness".</summary>
    static string Template(string pattern)
    {
        var segments = pattern.Trim('/').Split('/');
        var start = segments.Length >= 2 && segments[0] == "api" && segments[1] == "v1" ? 2 : 0;
        return string.Join("/", segments.Skip(start).Where(s => s.Length > 0).Select(s => s.StartsWith('{')
            ? "{" + s.Trim('{', '}').TrimStart('*').Split(':', '=', '?')[0] + "}"
            : s));
    }

    static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
