namespace Ptsp.Intake.Applications;

/// <summary>A permit application as Intake owns it: the applicant's data, their documents, the completeness check.</summary>
public sealed class Application
{
    public Guid Id { get; set; }

    public string ApplicantUsername { get; set; } = "";

    public string ApplicantName { get; set; } = "";

    /// <summary>The registered address the applicant is told of each step at; null for applications made before it was kept.</summary>
    public string? ApplicantEmail { get; set; }

    public string PermitTypeCode { get; set; } = "";

    public string BusinessName { get; set; } = "";

    public string BusinessAddress { get; set; } = "";

    public string Description { get; set; } = "";

    public ApplicationState State { get; set; }

    /// <summary>How many times the file was submitted (1 on first submission).</summary>
    public int Round { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public Dictionary<string, RequirementDocument> Documents { get; set; } = [];

    public List<CompletenessReturn> Returns { get; set; } = [];

    public string? ReceiptNumber { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public string? AcceptedBy { get; set; }

    /// <summary>The front office officer as printed on the receipt (name, NIP, title); null for files accepted before it was kept.</summary>
    public Ptsp.Contracts.Permits.OfficerIdentity? AcceptedByOfficer { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>The SOP step as far as Intake knows it: 3 with the applicant, 4 at the counter; after acceptance another service holds it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int? Step => State switch
    {
        ApplicationState.Draft or ApplicationState.Returned => 3,
        ApplicationState.Submitted => 4,
        _ => null,
    };
}
