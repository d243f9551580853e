using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Deadlines;

namespace Ptsp.Workflow.Permits;

/// <summary>What the applicant may read of the history: internal notes (technical notes, return notes of the verifiers and the head, alerts) stay with officers.</summary>
public static class PermitHistory
{
    public static (string Action, string? Note)? ForApplicant(HistoryEntry entry)
    {
        if (entry.OfficersOnly || entry.Role == DeadlineAlerts.ActorRole)
            return null;
        if (entry.PublicAction is { } action)
            return (action, entry.PublicNote);
        // The applicant's own steps and the counter's (a return's note is written for the applicant) read as they are.
        return entry.Role is Contracts.Roles.Applicant or Contracts.Roles.FrontOffice
            ? (entry.Action, entry.Note)
            : (PublicStep(entry.Step), null);
    }

    static string PublicStep(int step) => step switch
    {
        5 => "Kajian teknis dijadwalkan",
        6 => "Kajian teknis berlangsung",
        7 => "Draf keputusan disusun",
        8 or 9 => "Draf keputusan diverifikasi",
        10 => "Keputusan ditetapkan",
        _ => "Permohonan diproses",
    };
}
