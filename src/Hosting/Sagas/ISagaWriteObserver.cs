namespace Ptsp.Hosting.Sagas;

/// <summary>
/// Told of a saga instance's writes once they are stored, never before: a write lost to a version conflict is retried from a
/// fresh load and told once, and a repeated message (the saga inbox) writes nothing and tells nothing. Metrics use it
/// (ADR 0016), so the state machine itself stays free of them.
/// </summary>
public interface ISagaWriteObserver<in TSaga>
    where TSaga : class
{
    /// <summary>The instance as loaded or created, before the machine runs: what to compare the write with.</summary>
    object? Before(TSaga saga);

    /// <summary>The instance as it was just stored; <paramref name="before"/> is what <see cref="Before"/> returned.</summary>
    void Written(TSaga saga, object? before);
}
