using System.Text.Json.Nodes;
using MimeKit;

namespace Ptsp.Bench;

/// <summary>
/// After a run, read from outside: each permit's effects happened exactly once — it is Issued with a permit number of its own,
/// its history has no doubled entry, and its applicant got one decision email. What <c>--replicas 2</c> must not break.
/// </summary>
static class Effects
{
    public static async Task<(bool Held, string Detail)> CheckAsync(Api api, string reader, IReadOnlyList<Guid> ids, string mailDirectory)
    {
        var views = new List<JsonObject>();
        foreach (var id in ids)
            views.Add(await api.ApplicationAsync(reader, id));
        var notIssued = views.Count(v => v["status"]?.GetValue<string>() != "Issued");
        var numbers = views.Select(v => v["decision"]?["documentNumber"]?.GetValue<string>()).OfType<string>().ToList();
        var distinctNumbers = numbers.Distinct().Count();
        var doubledHistories = views.Count(v => v["history"]!.AsArray()
            .GroupBy(h => $"{h!["step"]}|{h["action"]}|{h["role"]}|{h["actor"]}|{h["note"]}").Any(g => g.Count() > 1));

        // The decision email leaves through the signing store's outbox: wait until each permit has one, then a little longer,
        // so that a second delivery would show.
        Dictionary<Guid, int> decisions = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            decisions = DecisionEmails(ids, mailDirectory);
            if (decisions.Values.All(n => n >= 1))
                break;
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        decisions = DecisionEmails(ids, mailDirectory);
        var notOnce = decisions.Count(d => d.Value != 1);

        var held = notIssued == 0 && numbers.Count == ids.Count && distinctNumbers == ids.Count && doubledHistories == 0 && notOnce == 0;
        return (held, $"{ids.Count - notIssued} of {ids.Count} Issued; {distinctNumbers} distinct permit numbers of {numbers.Count}; " +
                      $"{doubledHistories} histories with a doubled entry; {ids.Count - notOnce} of {ids.Count} applicants emailed the decision exactly once");
    }

    static Dictionary<Guid, int> DecisionEmails(IReadOnlyList<Guid> ids, string mailDirectory)
    {
        var bodies = Directory.GetFiles(mailDirectory, "*.eml").Select(file => MimeMessage.Load(file)).Where(ChaosRun.IsDecision).Select(m => m.TextBody ?? "").ToList();
        return ids.ToDictionary(id => id, id => bodies.Count(b => b.Contains($"/permohonan/{id}", StringComparison.Ordinal)));
    }
}
