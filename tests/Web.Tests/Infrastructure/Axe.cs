using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Ptsp.Web.Tests.Infrastructure;

/// <summary>
/// axe-core run straight in the page: the script (the one Deque.AxeCore ships) is put into the page and its HTML frames once
/// per document, and <c>axe.run</c> with its default rules reports violations only. Deque's <c>RunAxe</c>, which returns every
/// passing node too, took 1.5–2.7 s a page on this machine against about 0.2 s here.
/// </summary>
public static class Axe
{
    const string Resource = "Deque.AxeCore.Commons.Resources.axe.min.js";

    static readonly Lazy<string> Source = new(() =>
    {
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is missing from Deque.AxeCore.Commons: the package changed its layout.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>Every violation of serious or critical impact on the page and its frames, one line each: impact, rule, help, the elements.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        // Playwright's evaluation passes the pages' Content-Security-Policy (no eval). A frame gets the script only when its
        // document is HTML as its parent sees it: a PDF shown inline is not, and has no context Playwright could use.
        foreach (var frame in page.Frames)
        {
            if (frame != page.MainFrame && !await IsHtmlAsync(frame))
                continue;
            try
            {
                await PutAsync(frame).WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"axe-core could not be put into the frame {frame.Url} of {page.Url} within 10 s.");
            }
        }

        return await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map(n => n.html).join(' | ')}`);
            }
            """);
    }

    static async Task PutAsync(IFrame frame)
    {
        if (await frame.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
            await frame.EvaluateAsync(Source.Value);
    }

    static async Task<bool> IsHtmlAsync(IFrame frame)
    {
        var element = await frame.FrameElementAsync();
        return await element.EvaluateAsync<bool>("""
            f => { try { return f.contentDocument !== null && f.contentDocument.contentType === 'text/html'; } catch { return false; } }
            """);
    }
}
