using Microsoft.Playwright;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>The accessibility check every page of the walks goes through can fail: on the page itself and inside a frame.</summary>
[Collection(WebCollection.Name)]
public sealed class AxeTests(WebFixture web)
{
    [Fact]
    public async Task A_nameless_button_and_faint_text_are_reported_on_the_page_and_inside_a_frame()
    {
        var page = await web.NewPageAsync();
        // Served at the site's own origin, as the frames of the real pages are (a frame of about:blank has an opaque origin).
        await page.RouteAsync("**/uji-axe", route => route.FulfillAsync(new() { ContentType = "text/html; charset=utf-8", Body = """
            <!doctype html><html lang="id"><head><title>Uji</title></head><body><main>
            <h1>Uji</h1><button></button><p style="color:#eee;background:#fff">Teks pucat</p>
            <iframe title="Bingkai" srcdoc="<!doctype html><html lang='id'><head><title>Bingkai</title></head><body><main><img src='x.png'></main></body></html>"></iframe>
            </main></body></html>
            """ }));
        await page.GotoAsync("/uji-axe");
        await Assertions.Expect(page.FrameLocator("iframe").Locator("img")).ToHaveCountAsync(1);

        var violations = await Axe.SeriousViolationsAsync(page);

        Assert.Contains(violations, v => v.StartsWith("critical button-name:"));
        Assert.Contains(violations, v => v.StartsWith("serious color-contrast:") && v.Contains("Teks pucat"));
        Assert.Contains(violations, v => v.StartsWith("critical image-alt:") && v.Contains("x.png"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_clean_page_has_no_serious_violation()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }
}
