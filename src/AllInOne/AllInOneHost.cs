namespace Ptsp.AllInOne;

/// <summary>Names this assembly for tests that host the all-in-one process in their own (WebApplicationFactory&lt;AllInOneHost&gt;).</summary>
public sealed class AllInOneHost;
