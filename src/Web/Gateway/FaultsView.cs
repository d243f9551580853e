namespace Ptsp.Web.Gateway;

/// <summary>GET /api/v1/ops/faults: open faults of every service, newest first; <see cref="Unreachable"/> names the services that did not answer.</summary>
public sealed record FaultsView(IReadOnlyList<FaultItem> Faults, IReadOnlyList<string> Unreachable);
