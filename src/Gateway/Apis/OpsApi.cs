using System.Security.Claims;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Ops;
using Ptsp.Hosting.Faults;

namespace Ptsp.Gateway.Apis;

/// <summary>
/// Faults ops can see and fix (issue 14, ADR 0014). Each service keeps its own faults and answers on its
/// <c>ops-faults-{service}</c> queue; the Gateway asks every keeper for the list and the one a fault's id names for a replay or a
/// discard. Administrator only; the keeper judges whether the fault can still be acted on.
/// </summary>
public static class OpsApi
{
    /// <summary>The keepers of the distributed mode, when <c>Ops:FaultKeepers</c> does not name them.</summary>
    static readonly string[] DistributedKeepers = ["registration", "workflow", "intake", "technical", "signing", "gateway"];

    static readonly RequestTimeout KeeperTimeout = RequestTimeout.After(s: 5);

    public static IEndpointRouteBuilder MapOpsApi(this IEndpointRouteBuilder app)
    {
        // 401, 403, 429 and 503 are declared for every route by WithGatewayProblems.
        var faults = app.MapGroup("/api/v1/ops/faults").WithTags("Ops").RequireAuthorization(Roles.Administrator);
        faults.MapGet("/", List)
            .WithSummary("Messages that failed after their retries, and outbox entries that could not be delivered, in every service")
            .WithDescription("Administrator only. Each fault names its exception, message type (URN), application id where the message has one, " +
                             "the queue it came from, the message body and when. Open faults only unless `all=true`. A service that does not " +
                             "answer within 5 s is named in `unreachable`.")
            .Produces<FaultsResponse>()
            .ProducesProblems(StatusCodes.Status400BadRequest);
        faults.MapPost("/{id}/replay", Replay)
            .WithSummary("Puts a fault's message back on the queue it came from, with its own message id (an outbox entry: delivers it again)")
            .WithDescription("Administrator only. Fix the cause first. Logged with who. 409 when the fault was already replayed or discarded.")
            .Produces<FaultView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        faults.MapPost("/{id}/discard", Discard)
            .WithSummary("Marks a fault as dealt with without delivering its message")
            .WithDescription("Administrator only. Logged with who. 409 when the fault was already replayed or discarded.")
            .Produces<FaultView>()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>Open (or all) faults of every service, newest first; <c>unreachable</c> names services that did not answer.</summary>
    public sealed record FaultsResponse(IReadOnlyList<FaultView> Faults, IReadOnlyList<string> Unreachable);

    /// <summary>
    /// Whom to ask: <c>Ops:FaultKeepers</c> (comma-separated service names), else — when this process is the Gateway alone — every
    /// service of the distributed mode and the Gateway, else (the all-in-one host) this process, which hosts them all.
    /// </summary>
    static IReadOnlyList<string> Keepers(IConfiguration configuration, FaultKeeper self)
    {
        var configured = configuration["Ops:FaultKeepers"];
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return self.Name == "gateway" ? DistributedKeepers : [self.Name];
    }

    static IRequestClient<T> Client<T>(IBus bus, string keeper)
        where T : class =>
        bus.CreateRequestClient<T>(new Uri($"queue:{new FaultKeeper(keeper).QueueName}"), KeeperTimeout);

    static async Task<IResult> List(bool? all, IBus bus, IConfiguration configuration, FaultKeeper self, HttpContext http)
    {
        var keepers = Keepers(configuration, self);
        var answers = await Task.WhenAll(keepers.Select(async keeper =>
        {
            try
            {
                var response = await Client<ListFaults>(bus, keeper).GetResponse<FaultList>(new ListFaults(all ?? false), http.RequestAborted);
                return (keeper, response.Message.Faults);
            }
            catch (RequestTimeoutException)
            {
                return (keeper, (IReadOnlyList<FaultView>?)null);
            }
        }));
        return TypedResults.Ok(new FaultsResponse(
            answers.Where(a => a.Item2 is not null).SelectMany(a => a.Item2!).OrderByDescending(f => f.OccurredAt).ToList(),
            answers.Where(a => a.Item2 is null).Select(a => a.keeper).ToList()));
    }

    static Task<IResult> Replay(string id, IBus bus, IConfiguration configuration, FaultKeeper self, ClaimsPrincipal user, HttpContext http,
        ILogger<FaultKeeper> logger) =>
        ActAsync(id, "replay", bus, configuration, self, http, logger, user.Identity!.Name!,
            (keeper, by) => Client<ReplayFault>(bus, keeper).GetResponse<FaultView, CommandRefused>(new ReplayFault(id, by), http.RequestAborted));

    static Task<IResult> Discard(string id, IBus bus, IConfiguration configuration, FaultKeeper self, ClaimsPrincipal user, HttpContext http,
        ILogger<FaultKeeper> logger) =>
        ActAsync(id, "discard", bus, configuration, self, http, logger, user.Identity!.Name!,
            (keeper, by) => Client<DiscardFault>(bus, keeper).GetResponse<FaultView, CommandRefused>(new DiscardFault(id, by), http.RequestAborted));

    static async Task<IResult> ActAsync(string id, string action, IBus bus, IConfiguration configuration, FaultKeeper self, HttpContext http,
        ILogger logger, string user, Func<string, string, Task<Response<FaultView, CommandRefused>>> ask)
    {
        // A fault's id is "{keeper}.{id}": the keeper named must be one this Gateway asks.
        var keeper = id.Split('.', 2)[0];
        if (!id.Contains('.') || !Keepers(configuration, self).Contains(keeper))
            return Problems.From(new CommandRefused(RefusalKind.NotFound, "Gangguan tidak ditemukan."), http);
        logger.LogInformation("Fault {FaultId}: {Action} asked by {User}", id, action, user);
        return Problems.Reply(await ask(keeper, user), http, view => TypedResults.Ok(view));
    }
}
