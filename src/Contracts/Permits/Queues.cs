namespace Ptsp.Contracts.Permits;

/// <summary>Queues that Workflow sends commands to; each owning service's consumer listens on one.</summary>
public static class Queues
{
    public const string OpenTechnicalReview = "open-technical-review";
    public const string OpenDrafting = "open-drafting";

    public static Uri Address(string queue) => new($"queue:{queue}");
}
