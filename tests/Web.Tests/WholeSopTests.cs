using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// The whole SOP in the browser, in one walk through the embedded (all-in-one) host: every step by a person at a page,
/// both return loops, and the QR code of the signed decision read back from the PDF and opened. Every page of the
/// walk passes axe-core (no serious or critical violation) and is screenshotted under screenshots/sop/.
/// </summary>
[Collection(WalkCollection.Name)]
public sealed class WholeSopTests(WebFixture web)
{
    [Fact]
    public async Task The_whole_SOP_is_walked_in_the_browser_with_both_returns_and_the_QR_code_opens_the_verification_that_says_authentic()
    {
        var walk = new BrowserWalk(web.Browser, web.BaseUrl, web.Mail, "sop");
        await walk.WholeAsync($"CV Reklame Lengkap {Guid.NewGuid().ToString()[..6]}");
    }
}
