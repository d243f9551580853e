namespace Ptsp.Contracts.Ops;

/// <summary>The faults one keeper holds, newest first.</summary>
public sealed record FaultList(string Keeper, IReadOnlyList<FaultView> Faults);
