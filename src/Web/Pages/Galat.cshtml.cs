using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ptsp.Web.Pages;

/// <summary>The error page the status-code pages re-execute to: plain words, what to do next, the original status kept.</summary>
[IgnoreAntiforgeryToken]
public sealed class GalatModel : PageModel
{
    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string? GatewayMessage { get; private set; }

    public void OnGet(int code) => Show(code);

    // A failed form post is re-executed as a POST.
    public void OnPost(int code) => Show(code);

    void Show(int code)
    {
        if (code is < 400 or > 599)
            code = StatusCodes.Status404NotFound;
        Response.StatusCode = code;
        GatewayMessage = HttpContext.Items[PageErrors.MessageKey] as string;
        (Heading, Explanation) = code switch
        {
            400 => ("Permintaan tidak dapat diproses", "Isian atau alamat yang dikirim tidak sesuai. Periksa kembali lalu coba lagi."),
            401 => ("Silakan masuk", "Halaman ini hanya untuk pengguna yang sudah masuk."),
            403 => ("Anda tidak berwenang", "Halaman atau tindakan ini bukan untuk peran Anda."),
            404 => ("Halaman tidak ditemukan", "Alamat yang Anda buka tidak ada, atau datanya tidak tersedia untuk Anda. Periksa kembali alamatnya."),
            405 => ("Permintaan tidak dapat diproses", "Cara membuka halaman ini tidak didukung."),
            409 => ("Tindakan tidak dapat dilakukan", "Keadaan berkas sudah berubah, sehingga tindakan ini tidak dapat dilakukan sekarang."),
            413 => ("Berkas terlalu besar", "Setiap berkas paling besar 10 MB. Perkecil berkasnya lalu unggah kembali."),
            415 => ("Jenis berkas tidak didukung", "Unggah berkas PDF, JPEG atau PNG."),
            429 => ("Terlalu banyak percobaan", "Tunggu beberapa saat, lalu coba lagi."),
            503 or 502 or 504 => ("Layanan sedang tidak tersedia", "Sistem sedang sibuk atau dalam pemeliharaan. Silakan coba lagi dalam beberapa menit."),
            >= 500 => ("Terjadi kesalahan", "Maaf, terjadi kesalahan pada sistem kami. Kejadian ini sudah dicatat; silakan coba lagi nanti."),
            _ => ("Permintaan tidak dapat diproses", "Silakan kembali dan coba lagi."),
        };
    }
}
