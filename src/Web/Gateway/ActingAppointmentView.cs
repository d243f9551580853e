namespace Ptsp.Web.Gateway;

public sealed record ActingAppointmentView(string Role, string Kind, DateTimeOffset From, DateTimeOffset Until);
