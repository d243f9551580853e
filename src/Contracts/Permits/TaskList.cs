namespace Ptsp.Contracts.Permits;

public sealed record TaskList(IReadOnlyList<TaskItem> Items);
