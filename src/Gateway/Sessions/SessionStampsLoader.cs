using MassTransit;
using Ptsp.Contracts.Accounts;

namespace Ptsp.Gateway.Sessions;

/// <summary>At start, asks Registration for the current stamps, retrying until it answers.</summary>
public sealed class SessionStampsLoader(SessionStamps stamps, IServiceScopeFactory scopes, ILogger<SessionStampsLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var client = scope.ServiceProvider.GetRequiredService<IRequestClient<GetSessionStamps>>();
                var response = await client.GetResponse<SessionStampList>(new GetSessionStamps(), stoppingToken, RequestTimeout.After(s: 10));
                stamps.Load(response.Message.Items);
                logger.LogInformation("Learnt {Count} session stamps from Registration", response.Message.Items.Count);
                return;
            }
            catch (Exception e) when (e is RequestTimeoutException or RequestFaultException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Session stamps not available yet (attempt {Attempt}): {Message}", attempt, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stoppingToken);
            }
        }
    }
}
