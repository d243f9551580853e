using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Ptsp.EndToEnd.Tests.Infrastructure;

/// <summary>The applications part of API v1, for tests that walk the SOP.</summary>
public static class PermitApi
{
    public static async Task<HttpResponseMessage> PutFileAsync(this PtspClient api, string path, byte[] content, string contentType, string token)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await api.SendAsync(HttpMethod.Put, path, body, token);
    }

    public static async Task<Guid> CreateApplicationAsync(this PtspClient api, string token, string permitTypeCode, string businessName = "CV Maju Bersama")
    {
        var response = await api.PostAsync("/api/v1/applications", new
        {
            permitTypeCode,
            businessName,
            businessAddress = "Jl. Kolonel Kornel Singawinata No. 8, Purwakarta",
            description = "Usaha perdagangan dan jasa di wilayah Kabupaten Purwakarta.",
        }, token);
        await PtspClient.Expect(response, HttpStatusCode.Created);
        return (await PtspClient.Json(response)).Get<Guid>("applicationId");
    }

    public static async Task UploadAllDocumentsAsync(this PtspClient api, Guid id, string permitTypeCode, string token)
    {
        foreach (var code in await RequiredDocumentsAsync(api, permitTypeCode))
            await PtspClient.Expect(await api.PutFileAsync($"/api/v1/applications/{id}/documents/{code}", SampleFiles.Pdf(code), "application/pdf", token),
                HttpStatusCode.Created);
    }

    public static async Task<IReadOnlyList<string>> RequiredDocumentsAsync(this PtspClient api, string permitTypeCode)
    {
        var types = JsonNode.Parse(await (await api.GetAsync("/api/v1/permit-types")).Content.ReadAsStringAsync())!.AsArray();
        var type = types.Single(t => t!.Get<string>("code") == permitTypeCode)!;
        return type["requiredDocuments"]!.AsArray().Select(d => d!.Get<string>("code")).ToList();
    }

    public static async Task<JsonObject> GetApplicationAsync(this PtspClient api, Guid id, string token)
    {
        var response = await api.GetAsync($"/api/v1/applications/{id}", token);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return await PtspClient.Json(response);
    }

    /// <summary>Polls the application until it reaches <paramref name="status"/> and <paramref name="step"/> (eventually consistent).</summary>
    public static async Task<JsonObject> WaitForAsync(this PtspClient api, Guid id, string token, string status, int? step)
    {
        JsonObject? last = null;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            // Right after creation the saga may not exist yet: 404 until it does.
            var response = await api.GetAsync($"/api/v1/applications/{id}", token);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await PtspClient.Json(response);
                if (last.Get<string>("status") == status && last["currentStep"]?.GetValue<int>() == step)
                    return last;
            }
            else if (response.StatusCode != HttpStatusCode.NotFound)
            {
                await PtspClient.Expect(response, HttpStatusCode.OK);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Application {id} did not reach {status} at step {step}: {last?.ToJsonString()}");
    }

    public static async Task ActAsync(this PtspClient api, Guid id, string action, object body, string token, HttpStatusCode expected = HttpStatusCode.Accepted) =>
        await PtspClient.Expect(await api.PostAsync($"/api/v1/applications/{id}/{action}", body, token), expected);

    public static async Task<JsonArray> TasksAsync(this PtspClient api, string token)
    {
        var response = await api.GetAsync("/api/v1/tasks", token);
        await PtspClient.Expect(response, HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }
}
