using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// One permit walked in the browser against the distributed mode: every service its own process over the real RabbitMQ,
/// the Web its own process. The same walk as <see cref="WholeSopTests"/> (both returns, the QR code); every page passes axe-core
/// and is screenshotted under screenshots/sop-terdistribusi/.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class DistributedWalkTests(WebFixture web, DistributedWebFixture cluster) : IClassFixture<DistributedWebFixture>
{
    [Fact]
    public async Task One_permit_is_walked_in_the_browser_through_the_distributed_services_with_both_returns_and_its_QR_code_says_authentic()
    {
        var walk = new BrowserWalk(web.Browser, cluster.BaseUrl, cluster.Mail, "sop-terdistribusi");
        try
        {
            await walk.WholeAsync($"CV Reklame Terdistribusi {Guid.NewGuid().ToString()[..6]}");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{cluster.Logs()}\n{e.StackTrace}");
        }
    }
}
