using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

public sealed class EmbeddedModeTests(EmbeddedFixture ptsp) : IClassFixture<EmbeddedFixture>
{
    [Fact]
    public async Task An_applicant_registers_is_approved_receives_credentials_and_changes_the_password()
    {
        await AccountsFlow.RunAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword);
    }

    [Fact]
    public async Task The_ready_check_the_openapi_document_and_the_reference_page_answer()
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ptsp.Client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await ptsp.Client.GetAsync("/health/live")).StatusCode);
        var openApi = await ptsp.Client.GetAsync("/openapi/v1.json");
        var document = await openApi.Content.ReadAsStringAsync();
        Assert.Contains("/api/v1/registrations", document);
        Assert.Contains("/api/v1/auth/login", document);
        var reference = await ptsp.Client.GetAsync("/api-reference/v1");
        Assert.Equal(System.Net.HttpStatusCode.OK, reference.StatusCode);
    }
}
