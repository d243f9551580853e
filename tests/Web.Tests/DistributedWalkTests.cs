using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// One permit walked in the browser against the distributed mode: every service its own process over the real RabbitMQ,
/// the Web its own process. The straight path (no returns); every page passes axe-core and is screenshotted under
/// screenshots/sop-terdistribusi/.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class DistributedWalkTests(WebFixture web, DistributedWebFixture cluster) : IClassFixture<DistributedWebFixture>
{
    [Fact]
    public async Task One_permit_is_walked_in_the_browser_through_the_distributed_services_and_its_QR_code_says_authentic()
    {
        var walk = new BrowserWalk(web.Browser, cluster.BaseUrl, cluster.Mail, "sop-terdistribusi");
        try
        {
            var applicant = await walk.RegisterAsync();
            var business = $"CV Reklame Terdistribusi {Guid.NewGuid().ToString()[..6]}";
            var id = await walk.ApplyAsync(applicant, business);
            await walk.StraightThroughAsync(id, "20");
            await walk.DecisionAndItsQrCodeAsync(applicant, id, business, "30");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{cluster.Logs()}\n{e.StackTrace}");
        }
    }
}
