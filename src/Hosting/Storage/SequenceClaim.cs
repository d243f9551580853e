namespace Ptsp.Hosting.Storage;

/// <summary>One number of a yearly series, claimed by one owner (an application).</summary>
public sealed class SequenceClaim
{
    public string Series { get; set; } = "";

    public int Year { get; set; }

    public long Number { get; set; }

    public string Owner { get; set; } = "";

    public DateTimeOffset ClaimedAt { get; set; }
}
