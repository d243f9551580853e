using MassTransit;
using Ptsp.Contracts.Common;

namespace Ptsp.Hosting.Bus;

/// <summary>The answers a service gives the Gateway's requests; messages are for people (Bahasa Indonesia).</summary>
public static class Replies
{
    public static Task Accepted(this ConsumeContext context, Guid id) => context.RespondAsync(new CommandAccepted(id));

    public static Task NotFound(this ConsumeContext context, string message) =>
        context.RespondAsync(new CommandRefused(RefusalKind.NotFound, message));

    /// <summary>The action does not belong to the application's present step; <paramref name="currentStep"/> names it where this service knows it.</summary>
    public static Task Conflict(this ConsumeContext context, string message, int? currentStep = null) =>
        context.RespondAsync(new CommandRefused(RefusalKind.Conflict, message, CurrentStep: currentStep));

    public static Task Invalid(this ConsumeContext context, string field, string message) =>
        context.RespondAsync(new CommandRefused(RefusalKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] }));

    public static Task Invalid(this ConsumeContext context, string message, IReadOnlyDictionary<string, string[]> errors) =>
        context.RespondAsync(new CommandRefused(RefusalKind.Invalid, message, errors));
}
