using MassTransit;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Ptsp.Contracts.Common;

namespace Ptsp.Gateway.Apis;

/// <summary>Every error is RFC 7807 problem details with a message in Bahasa Indonesia.</summary>
public static class Problems
{
    static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "Permintaan tidak valid.",
        [401] = "Anda harus masuk (login) terlebih dahulu.",
        [403] = "Anda tidak berwenang melakukan tindakan ini.",
        [404] = "Data tidak ditemukan.",
        [405] = "Metode HTTP ini tidak didukung untuk alamat ini.",
        [409] = "Tindakan ini bertentangan dengan keadaan data saat ini.",
        [413] = "Isi permintaan terlalu besar.",
        [415] = "Jenis isi permintaan tidak didukung; gunakan application/json.",
        [429] = "Terlalu banyak permintaan. Silakan coba lagi nanti.",
        [503] = "Layanan sedang tidak tersedia. Silakan coba lagi sebentar lagi.",
    };

    /// <summary>Fills in a title (and for a body that could not be read, a detail) where ASP.NET left them generic.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        // A generic answer (no title of its own): ASP.NET's, e.g. a missing or expired token. An owning service's refusal has its own.
        var generic = problem.Title is null || problem.Title == ReasonPhrase(status);
        if (generic && Titles.TryGetValue(status, out var title))
            problem.Title = title;
        if (status == 400 && problem.Detail is null && context.Exception is BadHttpRequestException bad)
            problem.Detail = bad.InnerException is System.Text.Json.JsonException
                ? "Isi permintaan bukan JSON yang valid atau tidak sesuai bentuk yang diharapkan."
                : "Permintaan tidak dapat dibaca.";
        if (status == 401 && generic && problem.Detail is null)
            problem.Detail = "Sertakan header Authorization: Bearer <accessToken> yang masih berlaku.";
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    /// <summary>An owning service's refusal as the HTTP answer api.md names.</summary>
    public static IResult From(CommandRefused refused, HttpContext http)
    {
        var status = refused.Kind switch
        {
            RefusalKind.Invalid => StatusCodes.Status400BadRequest,
            RefusalKind.NotFound => StatusCodes.Status404NotFound,
            RefusalKind.Conflict => StatusCodes.Status409Conflict,
            RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            RefusalKind.Unauthorized => StatusCodes.Status401Unauthorized,
            RefusalKind.Throttled => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        if (refused.RetryAfter is { } retryAfter)
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        if (refused.Errors is { Count: > 0 } errors)
            return TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Title = refused.Message,
                Status = status,
            });
        // A refusal at the wrong step names the step the owning service holds the application at.
        return TypedResults.Problem(title: refused.Message, statusCode: status,
            extensions: refused.CurrentStep is { } step ? new Dictionary<string, object?> { ["currentStep"] = step } : null);
    }

    /// <summary>Sends a command to its owning service: 202 when accepted, its refusal as problem details otherwise.</summary>
    public static async Task<IResult> CommandAsync<T>(IRequestClient<T> client, T command, HttpContext http)
        where T : class
    {
        var response = await client.GetResponse<CommandAccepted, CommandRefused>(command, http.RequestAborted);
        return Reply(response, http, _ => TypedResults.Accepted((string?)null));
    }

    /// <summary>The owning service's answer: <paramref name="ok"/> for success, problem details for a refusal.</summary>
    public static IResult Reply<T>(Response<T, CommandRefused> response, HttpContext http, Func<T, IResult> ok)
        where T : class =>
        response.Is(out Response<T>? success)
            ? ok(success!.Message)
            : response.Is(out Response<CommandRefused>? refused)
                ? From(refused!.Message, http)
                : throw new InvalidOperationException("Unexpected response type.");

    public static ProblemHttpResult Validation(string field, string message) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Title = message,
            Status = StatusCodes.Status400BadRequest,
        });

    /// <summary>
    /// Declares in the OpenAPI document the problems every route of the Gateway can answer: 401 and 403 where authorization is
    /// required (the authorization middleware answers them), 400 and 415 where a JSON body is read (unreadable, or not JSON),
    /// 429 from the per-address limit on the whole API (ADR 0013), 503 when the owning service does not answer in time.
    /// </summary>
    public static TBuilder WithGatewayProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var secured = endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any()
                          && !endpoint.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();
            var json = endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
                .Any(a => a.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase));
            int[] statuses = [.. secured ? [401, 403] : Array.Empty<int>(), .. json ? [400, 415] : Array.Empty<int>(), 429, 503];
            foreach (var status in statuses)
            {
                if (!endpoint.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
                    endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), [ProblemJson]));
            }
        });
        return builder;
    }

    /// <summary>Declares problem answers of the given statuses (400 as a validation problem).</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status400BadRequest)
                builder.ProducesValidationProblem();
            else
                builder.ProducesProblem(status);
        }

        return builder;
    }

    const string ProblemJson = "application/problem+json";

    static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}

/// <summary>
/// A service that does not answer in time, or whose internal file endpoint cannot be reached (refused, reset, timed out:
/// the process is down or restarting), is a 503 with Retry-After, not a 500: the client may simply try again.
/// </summary>
sealed class GatewayExceptionHandler(IProblemDetailsService problems, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client waits before trying again; a supervised service is back within that.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            RequestTimeoutException or RequestFaultException => StatusCodes.Status503ServiceUnavailable,
            _ when IsServiceUnreachable(exception, httpContext) => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status >= 500)
            logger.LogError(exception, "Request failed: {Path}", httpContext.Request.Path);
        if (httpContext.Response.HasStarted)
            return false;
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Detail = status == StatusCodes.Status503ServiceUnavailable
                    ? $"Layanan yang menangani permintaan ini sedang tidak dapat dihubungi. Silakan coba lagi dalam {RetryAfterSeconds} detik."
                    : null,
            },
        });
    }

    /// <summary>The internal file proxy could not reach its service: refused, reset or timed out (not the caller going away).</summary>
    static bool IsServiceUnreachable(Exception exception, HttpContext http) => exception switch
    {
        HttpRequestException => true,
        OperationCanceledException or IOException => !http.RequestAborted.IsCancellationRequested,
        _ => false,
    };
}
