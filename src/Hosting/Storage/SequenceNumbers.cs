namespace Ptsp.Hosting.Storage;

/// <summary>
/// Gap-free numbering per series and year (receipt numbers, document numbers) under concurrency and
/// across replicas: the next number is claimed by inserting its own document (the id is series/year/number,
/// so two claimers of one number collide and the loser takes the next). A number is tied to its owner, so
/// an owner that retries gets the number it already claimed — none is lost to a failed attempt.
/// </summary>
public sealed class SequenceNumbers(IDocumentCollection<SequenceClaim> claims)
{
    public static readonly CollectionDefinition<SequenceClaim> Definition = new CollectionDefinition<SequenceClaim>("sequence-claims")
        .Index("series")
        .Index("owner");

    public async Task<long> ClaimAsync(string series, int year, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var mine = await claims.QueryAsync(Query.By("owner", owner).And("series", Operator.Equal, series).And("year", Operator.Equal, year), cancellationToken);
        if (mine.Count > 0)
            return mine[0].Document.Number;

        while (true)
        {
            var last = await claims.QueryAsync(Query.By("series", series).And("year", Operator.Equal, year).Sort("number", descending: true).Take(1),
                cancellationToken);
            var next = last.Count == 0 ? 1 : last[0].Document.Number + 1;
            try
            {
                await claims.InsertAsync($"{series}/{year}/{next}", new SequenceClaim
                {
                    Series = series,
                    Year = year,
                    Number = next,
                    Owner = owner,
                    ClaimedAt = now,
                }, cancellationToken: cancellationToken);
                return next;
            }
            catch (DuplicateDocumentException)
            {
                // Someone claimed that number a moment ago: take the next.
            }
        }
    }
}
