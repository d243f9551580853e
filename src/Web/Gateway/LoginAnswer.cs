namespace Ptsp.Web.Gateway;

// The Gateway's API v1 answers (api.md), as this client reads them. Enums stay strings: the API may add values.

public sealed record LoginAnswer(string AccessToken, DateTimeOffset ExpiresAt, string Username, IReadOnlyList<string> Roles, bool MustChangePassword);
