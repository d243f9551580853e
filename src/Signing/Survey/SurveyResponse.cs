namespace Ptsp.Signing.Survey;

/// <summary>One anonymous answer to the survey: no application, no applicant; the permit type and the day for reports.</summary>
public sealed class SurveyResponse
{
    public Guid Id { get; set; }

    public string PermitTypeCode { get; set; } = "";

    public List<int> Answers { get; set; } = [];

    public DateTimeOffset AnsweredAt { get; set; }
}
