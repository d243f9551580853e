using System.Collections.Concurrent;
using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Deadlines;

/// <summary>
/// Finds the deadlines that are due (architecture.md, "Deadlines are durable") and tells each saga with a
/// <see cref="StepDeadlineReached"/>; it writes nothing itself. The saga's state machine acts on the message in its own
/// write and ignores it when the step moved on or the rung was handled. Each saga stores its next alert time and its
/// statutory check time (both indexed), so a sweep reads only what is due. The message id is derived from the instance,
/// the step visit and the rung, so two Workflow replicas sending the same message are one message to the saga's inbox;
/// a due time that passed while Workflow was down is sent when it comes back (the saga then fires only the highest rung).
/// </summary>
public sealed class DeadlineWatcher(
    PermitSagas permits,
    RegistrationSagas registrations,
    IBus bus,
    EscalationOptions options,
    TimeProvider time,
    ILogger<DeadlineWatcher> logger) : BackgroundService
{
    /// <summary>A message not yet acted on is sent again after this long (wall-clock; the saga's inbox drops repeats).</summary>
    static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(30);

    readonly ConcurrentDictionary<Guid, long> _sent = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Deadline sweep failed; trying again");
            }

            await Task.Delay(options.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass over everything due now. Returns the messages it sent (with their ids) to the sagas.</summary>
    public async Task<IReadOnlyList<(StepDeadlineReached Message, Guid MessageId)>> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var sent = new List<(StepDeadlineReached, Guid)>();
        Forget();

        var permitSagas = await permits.CollectionAsync(cancellationToken);
        var toPermits = await bus.GetSendEndpoint(PermitStateDefinition.Address);
        foreach (var stored in await permitSagas.QueryAsync(Due("nextAlertAt", now), cancellationToken))
        {
            if (StepRung(stored.Document, now) is { } message)
                await Send(toPermits, message, sent, cancellationToken);
        }

        foreach (var stored in await permitSagas.QueryAsync(Due("statutoryCheckAt", now), cancellationToken))
        {
            var saga = stored.Document;
            await Send(toPermits, new StepDeadlineReached(saga.CorrelationId, DeadlineRung.Statutory, DeadlineAlerts.StatutoryToken(saga), now), sent,
                cancellationToken);
        }

        var registrationSagas = await registrations.CollectionAsync(cancellationToken);
        var toRegistrations = await bus.GetSendEndpoint(RegistrationStateDefinition.Address);
        foreach (var stored in await registrationSagas.QueryAsync(Due("nextAlertAt", now), cancellationToken))
        {
            if (StepRung(stored.Document, now) is { } message)
                await Send(toRegistrations, message, sent, cancellationToken);
        }

        return sent;
    }

    /// <summary>What a sweep asks of a collection: the documents whose <paramref name="field"/> is due, soonest first, 200 at most.</summary>
    public static Query Due(string field, DateTimeOffset now) => Query.All.And(field, Operator.LessThanOrEqual, now).Sort(field).Take(200);

    static StepDeadlineReached? StepRung(IDeadline saga, DateTimeOffset now) =>
        saga.NextAlert is { } rung && saga.CurrentStep is not null && saga.AssignedRole is not null
            ? new StepDeadlineReached(saga.CorrelationId, (DeadlineRung)(int)rung, DeadlineAlerts.StepToken(saga), now)
            : null;

    async Task Send(ISendEndpoint endpoint, StepDeadlineReached message, List<(StepDeadlineReached, Guid)> sent, CancellationToken cancellationToken)
    {
        var id = DeadlineAlerts.MessageId(message);
        // Sent a moment ago and not yet acted on (the saga is busy): the saga's inbox would drop it anyway.
        if (!_sent.TryAdd(id, Environment.TickCount64))
            return;
        try
        {
            await endpoint.Send(message, c => c.MessageId = id, cancellationToken);
        }
        catch
        {
            _sent.TryRemove(id, out _);
            throw;
        }

        sent.Add((message, id));
    }

    void Forget()
    {
        var before = Environment.TickCount64 - (long)ResendAfter.TotalMilliseconds;
        foreach (var (id, at) in _sent)
        {
            if (at < before)
                _sent.TryRemove(id, out _);
        }
    }
}
