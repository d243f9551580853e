namespace Ptsp.Web.Gateway;

public sealed record RegistrationCreated(Guid RegistrationId);
