namespace Ptsp.Web.Gateway;

public sealed record PasswordResetRequested(string Message);
