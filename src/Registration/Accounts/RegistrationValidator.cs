using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Ptsp.Contracts.Accounts;

namespace Ptsp.Registration.Accounts;

/// <summary>
/// Step 1's checks, with messages in Bahasa Indonesia keyed by the API's field names. The NIK is 16 digits
/// whose 7th–12th encode a birth date (day + 40 for women); phone numbers are Indonesian.
/// </summary>
public static partial class RegistrationValidator
{
    public static Dictionary<string, string[]> Validate(SubmitRegistration r)
    {
        var errors = new Dictionary<string, string[]>();

        if (string.IsNullOrWhiteSpace(r.FullName))
            errors["fullName"] = ["Nama lengkap wajib diisi."];
        else if (r.FullName.Trim().Length > 150)
            errors["fullName"] = ["Nama lengkap paling banyak 150 karakter."];

        if (NikError(r.Nik) is { } nikError)
            errors["nik"] = [nikError];

        if (!IsEmail(r.Email))
            errors["email"] = ["Format email tidak valid, mis. nama@contoh.co.id."];

        if (NormalizePhone(r.Phone) is null)
            errors["phone"] = ["Nomor telepon harus nomor Indonesia, mis. 081234567890 atau +6281234567890."];

        if (string.IsNullOrWhiteSpace(r.Address))
            errors["address"] = ["Alamat wajib diisi."];
        else if (r.Address.Trim().Length > 500)
            errors["address"] = ["Alamat paling banyak 500 karakter."];

        if (!string.IsNullOrWhiteSpace(r.Npwp) && NormalizeNpwp(r.Npwp) is null)
            errors["npwp"] = ["NPWP harus 15 atau 16 digit angka."];

        return errors;
    }

    public static string? NikError(string? nik)
    {
        if (string.IsNullOrEmpty(nik) || !Digits16().IsMatch(nik))
            return "NIK harus terdiri dari 16 digit angka.";

        var day = int.Parse(nik.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(nik.AsSpan(8, 2), CultureInfo.InvariantCulture);
        if (day > 40)
            day -= 40;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
            return "NIK tidak valid: tanggal lahir di dalamnya (digit ke-7 sampai ke-12) tidak mungkin.";
        if (nik.EndsWith("0000", StringComparison.Ordinal))
            return "NIK tidak valid: nomor urut (4 digit terakhir) tidak boleh 0000.";
        return null;
    }

    public static bool IsEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254 || email.Trim() != email)
            return false;
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
            return false;
        var domain = address.Host;
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    /// <summary>The number as +62…, or null when it is not an Indonesian mobile or landline number.</summary>
    public static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
            return null;
        var compact = Separators().Replace(phone.Trim(), "");
        var match = IndonesianPhone().Match(compact);
        return match.Success ? "+62" + match.Groups["number"].Value : null;
    }

    public static string? NormalizeNpwp(string? npwp)
    {
        if (string.IsNullOrWhiteSpace(npwp))
            return null;
        var digits = Separators().Replace(npwp, "").Replace(".", "", StringComparison.Ordinal);
        return NpwpDigits().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex("^[0-9]{16}$")]
    private static partial Regex Digits16();

    [GeneratedRegex("^[0-9]{15,16}$")]
    private static partial Regex NpwpDigits();

    [GeneratedRegex(@"[\s\-()]")]
    private static partial Regex Separators();

    // Mobile: 8xx with 9–12 digits after the 8's prefix; landline: area code 2–7 and 7–10 more digits.
    [GeneratedRegex(@"^(?:\+62|62|0)(?<number>8[1-9][0-9]{7,10}|[2-7][0-9]{7,10})$")]
    private static partial Regex IndonesianPhone();
}
