namespace Ptsp.Intake.Applications;

public enum ApplicationState
{
    /// <summary>Step 3: the applicant prepares the file.</summary>
    Draft,

    /// <summary>Step 4: waiting for FrontOffice's completeness check.</summary>
    Submitted,

    /// <summary>Step 4 returned it: back with the applicant to complete.</summary>
    Returned,

    /// <summary>Step 4 done: receipt issued, the file went to back office.</summary>
    Accepted,

    /// <summary>The applicant withdrew the application (Workflow decided); nothing more is done with it here.</summary>
    Withdrawn,
}
