using MassTransit;
using Ptsp.Contracts.Common;

namespace Ptsp.Hosting.Bus;

/// <summary>
/// The thing an action needs has not arrived yet (e.g. Workflow's command opening the technical file is
/// still in flight); the endpoint's retry runs the action again shortly.
/// </summary>
public sealed class NotReadyYetException(string message) : Exception(message);

/// <summary>The answers a service gives the Gateway's requests; messages are for people (Bahasa Indonesia).</summary>
public static class Replies
{
    public static Task Accepted(this ConsumeContext context, Guid id) => context.RespondAsync(new CommandAccepted(id));

    public static Task NotFound(this ConsumeContext context, string message) =>
        context.RespondAsync(new CommandRefused(RefusalKind.NotFound, message));

    public static Task Conflict(this ConsumeContext context, string message) =>
        context.RespondAsync(new CommandRefused(RefusalKind.Conflict, message));

    public static Task Invalid(this ConsumeContext context, string field, string message) =>
        context.RespondAsync(new CommandRefused(RefusalKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] }));

    public static Task Invalid(this ConsumeContext context, string message, IReadOnlyDictionary<string, string[]> errors) =>
        context.RespondAsync(new CommandRefused(RefusalKind.Invalid, message, errors));
}
