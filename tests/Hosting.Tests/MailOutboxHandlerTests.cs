using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Mail;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

public sealed class MailOutboxHandlerTests : IAsyncLifetime
{
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-mail-").FullName;
    StorageFactory _storage = null!;
    MailOutboxHandler _handler = null!;

    string Pickup => Path.Combine(_directory, "mail");

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Storage:Sqlite:Directory", _directory)]).Build();
        _storage = new StorageFactory(configuration, NullLogger<StorageFactory>.Instance);
        _handler = new MailOutboxHandler(new PickupDirectoryMailTransport(Pickup), MailOptions.Read(new ConfigurationBuilder().Build()), _storage);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    static AgencyOptions Agency => AgencyOptions.Read(new ConfigurationBuilder().Build());

    [Fact]
    public async Task An_html_mail_has_a_plain_text_alternative_and_its_attachment_is_read_from_the_senders_files()
    {
        var pdf = "%PDF-1.7 tanda terima"u8.ToArray();
        await _storage.OpenBlobs("intake").PutAsync("receipts/a.pdf", new MemoryStream(pdf));
        var mail = new MailComposer(Agency, "Tanda terima permohonan")
            .Greeting("Budi Santoso")
            .Paragraph("Catatan: <script>alert(1)</script> & lainnya")
            .Fields(("Nomor tanda terima", "PTSP/2026/000001"))
            .Link("Lihat permohonan Anda", "https://perizinan.example/permohonan/1")
            .ToMessage("budi@contoh.co.id", "Budi Santoso", [new MailAttachment("Tanda-terima.pdf", "application/pdf", "intake", "receipts/a.pdf")]);
        var outbox = MailOutboxHandler.Create(mail, DateTimeOffset.UtcNow);

        // Delivered twice (a crash before the outbox was cleared): still one message.
        await _handler.DeliverAsync(outbox, CancellationToken.None);
        await _handler.DeliverAsync(outbox, CancellationToken.None);

        var message = MimeMessage.Load(Assert.Single(Directory.GetFiles(Pickup)));
        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("Nomor tanda terima : PTSP/2026/000001", message.TextBody);
        Assert.Contains("https://perizinan.example/permohonan/1", message.TextBody);
        Assert.Contains("<html lang=\"id\">", message.HtmlBody);
        Assert.Contains("&lt;script&gt;", message.HtmlBody);
        Assert.DoesNotContain("<script", message.HtmlBody);
        Assert.DoesNotContain("<img", message.HtmlBody);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(("Tanda-terima.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType.MimeType));
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        Assert.Equal(pdf, content.ToArray());
    }

    [Fact]
    public async Task A_text_only_mail_stays_plain_text()
    {
        await _handler.DeliverAsync(MailOutboxHandler.Create(new MailMessage("a@contoh.co.id", "A", "Subjek", "Isi"), DateTimeOffset.UtcNow),
            CancellationToken.None);
        var message = MimeMessage.Load(Assert.Single(Directory.GetFiles(Pickup)));
        Assert.Equal("text/plain", message.Body!.ContentType.MimeType);
        Assert.Equal("Isi", message.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task A_missing_attachment_is_retried_rather_than_sent_without_it()
    {
        var mail = new MailMessage("a@contoh.co.id", "A", "Subjek", "Isi", null, [new MailAttachment("x.pdf", "application/pdf", "intake", "receipts/none.pdf")]);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _handler.DeliverAsync(MailOutboxHandler.Create(mail, DateTimeOffset.UtcNow), CancellationToken.None));
        Assert.False(Directory.Exists(Pickup) && Directory.GetFiles(Pickup).Length > 0);
    }
}
