using Ptsp.Contracts.Accounts;
using Ptsp.Registration.Accounts;

namespace Ptsp.Registration.Tests;

public class RegistrationValidatorTests
{
    static SubmitRegistration Valid() => new(Guid.NewGuid(), "Budi Santoso", "3214011505900001", "budi@contoh.co.id", "081234567890",
        "Jl. Veteran 1, Purwakarta", null);

    [Fact]
    public void A_complete_registration_has_no_errors() => Assert.Empty(RegistrationValidator.Validate(Valid()));

    [Theory]
    [InlineData("3214011505900001")] // man born 15 May 1990
    [InlineData("3214015505900001")] // woman: day + 40
    [InlineData("3214012902000001")] // 29 February
    public void A_NIK_with_a_possible_birth_date_is_valid(string nik) => Assert.Null(RegistrationValidator.NikError(nik));

    [Theory]
    [InlineData("321401150590000")]   // 15 digits
    [InlineData("32140115059000011")] // 17 digits
    [InlineData("3214011505９00001")] // a full-width digit
    [InlineData("3214013213900001")]  // month 13
    [InlineData("3214013205900001")]  // day 32
    [InlineData("3214017205900001")]  // woman's day 72 − 40 = 32
    [InlineData("3214013102900001")]  // 31 February
    [InlineData("3214011505900000")]  // serial 0000
    [InlineData(null)]
    public void A_NIK_that_cannot_exist_is_refused(string? nik) => Assert.NotNull(RegistrationValidator.NikError(nik));

    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("6285712345678", "+6285712345678")]
    [InlineData("(0264) 200 123", "+62264200123")]
    public void Indonesian_phone_numbers_are_accepted_and_normalised(string phone, string normalised) =>
        Assert.Equal(normalised, RegistrationValidator.NormalizePhone(phone));

    [Theory]
    [InlineData("12345")]
    [InlineData("+12025550100")]
    [InlineData("0812")]
    [InlineData("08123456789012345")]
    [InlineData("telepon")]
    public void Other_phone_numbers_are_refused(string phone) => Assert.Null(RegistrationValidator.NormalizePhone(phone));

    [Theory]
    [InlineData("budi@contoh.co.id", true)]
    [InlineData("b.santoso+ptsp@mail.purwakartakab.go.id", true)]
    [InlineData("Budi <budi@contoh.co.id>", false)]
    [InlineData("budi@localhost", false)]
    [InlineData("budi", false)]
    [InlineData(" budi@contoh.co.id", false)]
    public void Emails_must_be_plain_addresses_with_a_domain(string email, bool valid) => Assert.Equal(valid, RegistrationValidator.IsEmail(email));

    [Fact]
    public void Every_missing_field_is_named_in_Bahasa_Indonesia()
    {
        var errors = RegistrationValidator.Validate(new SubmitRegistration(Guid.NewGuid(), "", "", "", "", "", "12"));
        Assert.Equal(["address", "email", "fullName", "nik", "npwp", "phone"], errors.Keys.Order());
        Assert.Equal("Nama lengkap wajib diisi.", errors["fullName"][0]);
    }

    [Theory]
    [InlineData("Budi Santoso", "budi.santoso")]
    [InlineData("Siti Nur'aini Rahmawati", "siti.rahmawati")]
    [InlineData("Sukarno", "sukarno")]
    [InlineData("  Ni Made  Ayu Ṣari  ", "ni.sari")]
    [InlineData("李 小龍", "pemohon")]
    public void Usernames_come_from_the_first_and_last_name(string fullName, string username) =>
        Assert.Equal(username, Usernames.FromFullName(fullName));
}
