using System.Globalization;
using System.Text;

namespace Ptsp.Registration.Accounts;

public static class Usernames
{
    /// <summary>"Siti Nur'aini Rahmawati" → "siti.rahmawati": first and last name, ASCII letters only.</summary>
    public static string FromFullName(string fullName)
    {
        var words = fullName.Normalize(NormalizationForm.FormD)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetter(c))
                .ToArray()).ToLowerInvariant())
            .Where(w => w.Length > 0)
            .ToList();
        var name = words.Count switch
        {
            0 => "pemohon",
            1 => words[0],
            _ => $"{words[0]}.{words[^1]}",
        };
        return name.Length > 30 ? name[..30] : name;
    }
}
