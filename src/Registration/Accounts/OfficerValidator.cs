using System.Globalization;
using System.Text.RegularExpressions;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;

namespace Ptsp.Registration.Accounts;

/// <summary>
/// The administrator's input for an officer account, checked field by field with messages in Bahasa Indonesia keyed by
/// the API's field names; and what the token says of an officer at a given time (roles and position, acting heads).
/// </summary>
public static partial class OfficerValidator
{
    public const int MaxActingDays = 366;

    static readonly string[] HeadRoles = [Roles.SectionHead, Roles.DivisionHead, Roles.AgencyHead];

    public sealed record Input(string? Username, string? FullName, string? Nip, string? Email, string? Position,
        IReadOnlyList<string>? Roles, IReadOnlyList<string>? Sectors, IReadOnlyList<ActingAppointment>? ActingAppointments);

    public static Dictionary<string, string[]> Validate(Input input, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating && UsernameError(input.Username) is { } usernameError)
            errors["username"] = [usernameError];

        if (string.IsNullOrWhiteSpace(input.FullName))
            errors["fullName"] = ["Nama lengkap wajib diisi."];
        else if (input.FullName.Trim().Length > 150)
            errors["fullName"] = ["Nama lengkap paling banyak 150 karakter."];

        if (!string.IsNullOrWhiteSpace(input.Nip) && NipError(input.Nip) is { } nipError)
            errors["nip"] = [nipError];

        if (!RegistrationValidator.IsEmail(input.Email))
            errors["email"] = ["Format email tidak valid, mis. nama@purwakartakab.go.id."];

        if (input.Position is { Length: > 200 })
            errors["position"] = ["Jabatan paling banyak 200 karakter."];

        var roles = input.Roles ?? [];
        if (roles.Count == 0)
            errors["roles"] = ["Pilih sekurang-kurangnya satu peran."];
        else if (roles.Any(UnknownRole))
            errors["roles"] = [$"Peran '{roles.First(UnknownRole)}' tidak dikenal. Pilihan: {string.Join(", ", Roles.Titles.Keys)}."];

        var sectors = input.Sectors ?? [];
        if (sectors.Any(UnknownSector))
            errors["sectors"] = [$"Sektor '{sectors.First(UnknownSector)}' tidak dikenal. Pilihan: {string.Join(", ", Ptsp.Contracts.Sectors.Names.Keys)}."];
        else if (roles.Contains(Roles.SectionHead) && sectors.Count == 0)
            errors["sectors"] = ["Kepala Seksi harus membawahi sekurang-kurangnya satu sektor."];
        else if (!roles.Contains(Roles.SectionHead) && sectors.Count > 0 &&
                 !(input.ActingAppointments ?? []).Any(a => a?.Role == Roles.SectionHead))
            errors["sectors"] = ["Sektor hanya untuk Kepala Seksi."];

        var acting = input.ActingAppointments ?? [];
        for (var i = 0; i < acting.Count; i++)
        {
            var a = acting[i];
            if (a is null)
                errors[$"actingAppointments[{i}]"] = ["Penunjukan Plt/Plh tidak boleh kosong."];
            else if (!HeadRoles.Contains(a.Role))
                errors[$"actingAppointments[{i}].role"] = ["Plt/Plh hanya untuk jabatan Kepala Seksi, Kepala Bidang atau Kepala Dinas."];
            else if (a.Kind is not ("Plt" or "Plh"))
                errors[$"actingAppointments[{i}].kind"] = ["Jenis penunjukan harus Plt atau Plh."];
            else if (a.Until <= a.From)
                errors[$"actingAppointments[{i}].until"] = ["Akhir masa penunjukan harus sesudah awalnya."];
            else if (a.Until - a.From > TimeSpan.FromDays(MaxActingDays))
                errors[$"actingAppointments[{i}].until"] = [$"Masa penunjukan paling lama {MaxActingDays} hari."];
        }

        return errors;
    }

    // A null in a list (JSON [null]) is an unknown entry like any other, not a fault.
    static bool UnknownRole(string? role) => role is null || !Roles.Titles.ContainsKey(role);

    static bool UnknownSector(string? sector) => sector is null || !Ptsp.Contracts.Sectors.Names.ContainsKey(sector);

    /// <summary>
    /// NIP (PNS): 18 digits — birth date yyyyMMdd, appointment (TMT CPNS) yyyyMM, sex 1 or 2, serial 001–999.
    /// </summary>
    public static string? NipError(string nip)
    {
        if (!Digits18().IsMatch(nip))
            return "NIP harus terdiri dari 18 digit angka.";
        if (!DateTime.TryParseExact(nip[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return "NIP tidak valid: tanggal lahir (digit ke-1 sampai ke-8) tidak mungkin.";
        if (!DateTime.TryParseExact(nip[8..14] + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return "NIP tidak valid: TMT pengangkatan (digit ke-9 sampai ke-14) tidak mungkin.";
        if (nip[14] is not ('1' or '2'))
            return "NIP tidak valid: digit ke-15 (jenis kelamin) harus 1 atau 2.";
        if (nip[15..] == "000")
            return "NIP tidak valid: nomor urut (3 digit terakhir) tidak boleh 000.";
        return null;
    }

    public static string? UsernameError(string? username)
    {
        if (string.IsNullOrWhiteSpace(username))
            return "Username wajib diisi.";
        if (!UsernamePattern().IsMatch(username))
            return "Username 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf.";
        return null;
    }

    /// <summary>The roles an officer holds at <paramref name="now"/>: their own plus those of a current acting appointment.</summary>
    public static List<string> RolesAt(Account account, DateTimeOffset now) =>
        account.Roles.Union(CurrentAppointments(account, now).Select(a => a.Role)).ToList();

    /// <summary>The position printed on documents: a current acting appointment's ("Plt. Kepala …"), else their own.</summary>
    public static string? PositionAt(Account account, DateTimeOffset now)
    {
        if (CurrentAppointments(account, now).OrderByDescending(a => HeadRank(a.Role)).FirstOrDefault() is { } acting)
            return $"{acting.Kind}. {Roles.Titles[acting.Role]}";
        if (!string.IsNullOrWhiteSpace(account.Position))
            return account.Position;
        return account.Roles.Where(Roles.Titles.ContainsKey).Select(r => Roles.Titles[r]).FirstOrDefault();
    }

    /// <summary>The next moment an appointment begins or ends after <paramref name="now"/>: a token must not outlive it.</summary>
    public static DateTimeOffset? NextAppointmentChange(Account account, DateTimeOffset now) =>
        account.ActingAppointments.SelectMany(a => new[] { a.From, a.Until }).Where(t => t > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();

    static IEnumerable<ActingAppointment> CurrentAppointments(Account account, DateTimeOffset now) =>
        account.ActingAppointments.Where(a => a.From <= now && now < a.Until);

    static int HeadRank(string role) => Array.IndexOf(HeadRoles, role);

    [GeneratedRegex("^[0-9]{18}$")]
    private static partial Regex Digits18();

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,39}$")]
    private static partial Regex UsernamePattern();
}
