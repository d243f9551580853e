using System.Net;
using System.Text;
using Ptsp.Hosting.Documents;

namespace Ptsp.Hosting.Mail;

/// <summary>
/// Writes an email to an applicant once and gets two equivalent bodies: plain text and simple, accessible HTML
/// (declared language, real headings and lists, a table with row headers, no images, no scripts, no remote content),
/// both under the agency's letterhead (<c>Agency__*</c>). Every piece of text is HTML-encoded, so applicants' and
/// officers' words cannot inject markup.
/// </summary>
public sealed class MailComposer
{
    const string Accent = "#0b4f8a";
    readonly AgencyOptions _agency;
    readonly string _subject;
    readonly StringBuilder _text = new();
    readonly StringBuilder _html = new();

    public MailComposer(AgencyOptions agency, string subject)
    {
        _agency = agency;
        _subject = subject;
        _text.Append(agency.Government).Append('\n').Append(agency.Name).Append('\n').Append(agency.Address).Append('\n')
            .Append(new string('=', 60)).Append("\n\n");
        _html.Append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:16px;background:#ffffff;color:#1b1b1b;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;")
            .Append("font-size:16px;line-height:1.5\">\n<div style=\"max-width:640px;margin:0 auto\">\n")
            .Append("<div style=\"border-bottom:3px solid ").Append(Accent).Append(";padding-bottom:8px;margin-bottom:16px\">\n")
            .Append("<p style=\"margin:0;font-size:14px\">").Append(E(agency.Government)).Append("</p>\n")
            .Append("<p style=\"margin:0;font-weight:bold;color:").Append(Accent).Append("\">").Append(E(agency.Name)).Append("</p>\n")
            .Append("<p style=\"margin:0;font-size:13px;color:#454545\">").Append(E(agency.Address)).Append("</p>\n</div>\n")
            .Append("<h1 style=\"font-size:20px;margin:0 0 16px\">").Append(E(subject)).Append("</h1>\n");
    }

    public MailComposer Greeting(string name)
    {
        _text.Append("Yth. ").Append(name).Append(",\n\n");
        _html.Append("<p>Yth. ").Append(E(name)).Append(",</p>\n");
        return this;
    }

    public MailComposer Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(E(text)).Append("</p>\n");
        return this;
    }

    /// <summary>A sub-heading for the part that follows (e.g. what to do next).</summary>
    public MailComposer Heading(string text)
    {
        _text.Append(text.ToUpperInvariant()).Append('\n');
        _html.Append("<h2 style=\"font-size:17px;margin:20px 0 8px\">").Append(E(text)).Append("</h2>\n");
        return this;
    }

    /// <summary>Label and value rows, such as the application's particulars.</summary>
    public MailComposer Fields(params IReadOnlyList<(string Label, string Value)> fields)
    {
        var width = fields.Max(f => f.Label.Length);
        foreach (var (label, value) in fields)
            _text.Append(label.PadRight(width)).Append(" : ").Append(value).Append('\n');
        _text.Append('\n');
        _html.Append("<table style=\"border-collapse:collapse;margin:0 0 16px\">\n");
        foreach (var (label, value) in fields)
            _html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:normal;color:#454545\">")
                .Append(E(label)).Append("</th><td style=\"padding:4px 0\">").Append(E(value)).Append("</td></tr>\n");
        _html.Append("</table>\n");
        return this;
    }

    /// <summary>A list: numbered for steps to follow, bulleted otherwise.</summary>
    public MailComposer List(IEnumerable<string> items, bool numbered = false)
    {
        var tag = numbered ? "ol" : "ul";
        _html.Append('<').Append(tag).Append(" style=\"margin:0 0 16px;padding-left:24px\">\n");
        var n = 0;
        foreach (var item in items)
        {
            _text.Append(numbered ? $"{++n}. " : "- ").Append(item).Append('\n');
            _html.Append("<li>").Append(E(item)).Append("</li>\n");
        }

        _text.Append('\n');
        _html.Append("</").Append(tag).Append(">\n");
        return this;
    }

    /// <summary>A link with a descriptive label; the address is written out too, for readers that show no links.</summary>
    public MailComposer Link(string label, string url)
    {
        _text.Append(label).Append(":\n").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(E(url)).Append("\" style=\"color:").Append(Accent).Append(";font-weight:bold\">").Append(E(label))
            .Append("</a><br><span style=\"font-size:13px;color:#454545;word-break:break-all\">").Append(E(url)).Append("</span></p>\n");
        return this;
    }

    public MailMessage ToMessage(string to, string toName, IReadOnlyList<MailAttachment>? attachments = null)
    {
        const string automatic = "Email ini dikirim otomatis oleh aplikasi perizinan. Mohon tidak membalas email ini; " +
                                 "untuk pertanyaan, hubungi kantor kami pada jam layanan.";
        var text = new StringBuilder(_text.ToString())
            .Append("Hormat kami,\n").Append(_agency.ShortName).Append("\n\n").Append(new string('-', 60)).Append('\n').Append(automatic).Append('\n');
        var html = new StringBuilder(_html.ToString())
            .Append("<p>Hormat kami,<br>").Append(E(_agency.ShortName)).Append("</p>\n")
            .Append("<hr style=\"border:0;border-top:1px solid #c9c9c9;margin:24px 0 8px\">\n")
            .Append("<p style=\"font-size:13px;color:#454545\">").Append(E(automatic)).Append("</p>\n</div>\n</body>\n</html>\n");
        return new MailMessage(to, toName, _subject, text.ToString(), html.ToString(), attachments);
    }

    /// <summary>"Senin, 30 November 2026 pukul 14.05 WIB", from a time in the agency's zone.</summary>
    public static string LongDateTime(DateTimeOffset local) =>
        $"{local.ToString("dddd", PdfDocumentBuilder.Indonesian)}, {PdfDocumentBuilder.IndonesianDateTime(local)}";

    static string E(string text) => WebUtility.HtmlEncode(text);
}
