using System.Reflection;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Web.Pages.Admin;

namespace Ptsp.Web.Tests;

/// <summary>The faults view names every message in words: each event by its URN, each command by its type; a new one without words fails here.</summary>
public sealed class FaultWordsTests
{
    static readonly Type[] Contracts = typeof(Roles).Assembly.GetExportedTypes();

    [Fact]
    public void Every_event_with_a_ptsp_urn_has_its_words()
    {
        var unnamed = Contracts
            .Select(t => t.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString())
            .OfType<string>()
            .Select(urn => (Urn: urn, Words: FaultWords.Message(urn)))
            .Where(x => x.Words.StartsWith("Pesan internal", StringComparison.Ordinal))
            .ToList();
        Assert.True(Contracts.Count(t => t.GetCustomAttribute<MessageUrnAttribute>() is not null) > 25);
        Assert.True(unnamed.Count == 0, "No words for: " + string.Join(", ", unnamed.Select(x => x.Urn)));
        Assert.Equal("Jatuh tempo dihitung ulang (kalender kerja berubah)", FaultWords.Message("urn:message:ptsp:recount-due-times:v1"));
    }

    [Fact]
    public void Commands_read_in_words_and_an_unknown_one_is_named_as_internal_not_by_its_version()
    {
        Assert.Equal("Menandatangani keputusan (TTE)", FaultWords.Message("urn:message:Ptsp.Contracts.Permits:SignDecision"));
        Assert.Equal("Membuka penyusunan draf keputusan", FaultWords.Message("urn:message:Ptsp.Contracts.Permits:OpenDrafting"));
        Assert.Equal("Pesan internal (something-new)", FaultWords.Message("urn:message:ptsp:something-new:v1"));
        Assert.Equal("Perintah internal (SomethingNew)", FaultWords.Message("urn:message:Ptsp.Contracts.Permits:SomethingNew"));
        foreach (var name in new[] { "SubmitApplication", "RecordCompletenessCheck", "RecordTechnicalData", "RecordTechnicalRecommendation", "DraftDecision",
                     "VerifyDecision", "SignDecision", "ResubmitApplication", "WithdrawApplication", "CreateApplication", "ApproveRegistration" })
        {
            Assert.Contains(Contracts, t => t.Name == name);
            Assert.DoesNotContain("internal", FaultWords.Message($"urn:message:Ptsp.Contracts.Permits:{name}"), StringComparison.Ordinal);
        }
    }
}
