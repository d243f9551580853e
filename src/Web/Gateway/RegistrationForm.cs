namespace Ptsp.Web.Gateway;

public sealed record RegistrationForm(string FullName, string Nik, string Email, string Phone, string Address, string? Npwp);
