using Ptsp.Signing.Survey;

namespace Ptsp.Gateway.Tests;

/// <summary>The SKM index (PermenPANRB 14/2017) against examples computed by hand.</summary>
public sealed class SkmIndexTests
{
    [Fact]
    public void Four_answers_give_the_hand_computed_averages_ikm_and_category()
    {
        // Respondent   U1 U2 U3 U4 U5 U6 U7 U8 U9
        //   R1          4  4  3  3  4  3  4  2  3
        //   R2          3  3  3  4  4  4  3  3  3
        //   R3          4  3  2  4  3  3  4  3  4
        //   R4          3  2  3  4  3  4  4  3  2
        // Averages (NRR): U1 14/4=3.50, U2 12/4=3.00, U3 11/4=2.75, U4 15/4=3.75, U5 14/4=3.50, U6 14/4=3.50, U7 15/4=3.75,
        //                 U8 11/4=2.75, U9 12/4=3.00; their sum 29.50.
        // Weighted (NRR × 0.111) summed: 29.50 × 0.111 = 3.2745; IKM = 3.2745 × 25 = 81.8625 → 81.86, between 76.61 and 88.30: B.
        IReadOnlyList<IReadOnlyList<int>> answers =
        [
            [4, 4, 3, 3, 4, 3, 4, 2, 3],
            [3, 3, 3, 4, 4, 4, 3, 3, 3],
            [4, 3, 2, 4, 3, 3, 4, 3, 4],
            [3, 2, 3, 4, 3, 4, 4, 3, 2],
        ];
        var report = SkmElements.Report(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), answers);

        Assert.Equal(4, report.Respondents);
        Assert.Equal([3.50m, 3.00m, 2.75m, 3.75m, 3.50m, 3.50m, 3.75m, 2.75m, 3.00m], report.Elements.Select(e => e.Average!.Value));
        Assert.Equal(["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"], report.Elements.Select(e => e.Code));
        Assert.Equal(81.86m, report.Ikm);
        Assert.Equal("B", report.Category);
    }

    [Fact]
    public void The_best_and_the_worst_answers_are_categories_A_and_D()
    {
        // All 4: 9 × 4 × 0.111 × 25 = 99.90 → A. All 1: 9 × 1 × 0.111 × 25 = 24.975 → 24.98 → D.
        Assert.Equal((99.90m, "A"), Index(Enumerable.Repeat(4, 9).ToList()));
        Assert.Equal((24.98m, "D"), Index(Enumerable.Repeat(1, 9).ToList()));
    }

    [Theory]
    [InlineData(100, "A")]
    [InlineData(88.31, "A")]
    [InlineData(88.30, "B")]
    [InlineData(76.61, "B")]
    [InlineData(76.60, "C")]
    [InlineData(65.00, "C")]
    [InlineData(64.99, "D")]
    [InlineData(25.00, "D")]
    public void The_category_boundaries_are_the_regulations(double ikm, string category) =>
        Assert.Equal(category, SkmElements.Category((decimal)ikm));

    [Fact]
    public void No_answers_give_no_index()
    {
        var report = SkmElements.Report(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), []);
        Assert.Equal(0, report.Respondents);
        Assert.Null(report.Ikm);
        Assert.Null(report.Category);
        Assert.All(report.Elements, e => Assert.Null(e.Average));
    }

    [Fact]
    public void Answers_must_be_nine_of_one_to_four()
    {
        Assert.Empty(SkmElements.Validate([1, 2, 3, 4, 1, 2, 3, 4, 1]));
        Assert.Contains("answers", SkmElements.Validate(null).Keys);
        Assert.Contains("answers", SkmElements.Validate([1, 2, 3]).Keys);
        Assert.Equal(["U1", "U9"], SkmElements.Validate([0, 2, 3, 4, 1, 2, 3, 4, 5]).Keys.Order());
    }

    static (decimal?, string?) Index(IReadOnlyList<int> answer)
    {
        var report = SkmElements.Report(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), [answer]);
        return (report.Ikm, report.Category);
    }
}
