namespace Ptsp.Web.Gateway;

public sealed record Officer(Guid OfficerId, string Username, string FullName, string? Nip, string? Email, string? Position, List<string> Roles,
    List<string> Sectors, List<ActingAppointmentView> ActingAppointments, bool Active, bool MustChangePassword);
