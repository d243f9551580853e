using MassTransit;
using Ptsp.Contracts.Accounts;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Registrations;

/// <summary>The FrontOffice list of step 2, oldest due first; <c>overdue</c> is against the clock now.</summary>
public sealed class GetRegistrationsConsumer(RegistrationSagas sagas, TimeProvider time) : IConsumer<GetRegistrations>
{
    static readonly IReadOnlyDictionary<string, string> StateByStatus = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Pending"] = "Pending",
        ["Approved"] = "Active",
        ["Rejected"] = "Refused",
    };

    static readonly IReadOnlyDictionary<string, string> StatusByState = StateByStatus.ToDictionary(p => p.Value, p => p.Key);

    public async Task Consume(ConsumeContext<GetRegistrations> context)
    {
        var collection = await sagas.CollectionAsync(context.CancellationToken);
        var state = StateByStatus.GetValueOrDefault(context.Message.Status, "Pending");
        var found = await collection.QueryAsync(Query.By("currentState", state).Sort("dueAt").Take(500), context.CancellationToken);
        var now = time.GetUtcNow();
        await context.RespondAsync(new RegistrationList(found.Select(s => s.Document).Select(r => new RegistrationListItem(
            r.CorrelationId, r.FullName, r.Nik, r.Email, StatusByState[r.CurrentState], r.SubmittedAt, r.DueAt,
            r.CurrentState == "Pending" && now > r.DueAt)).ToList()));
    }

    public static bool IsKnownStatus(string status) => StateByStatus.ContainsKey(status);
}
