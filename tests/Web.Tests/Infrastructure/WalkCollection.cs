namespace Ptsp.Web.Tests.Infrastructure;

/// <summary>
/// The two walks of the whole SOP (embedded and distributed), the longest browser tests: a host and a browser of their own, so they
/// run beside the page tests of <see cref="WebCollection"/> instead of after them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WalkCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Web walks";
}
