using Ptsp.Hosting.Calendar;
using Ptsp.Web.Display;

namespace Ptsp.Web.Tests;

/// <summary>ui.md's words and formats, in the agency's zone whatever zone the instant comes in.</summary>
public sealed class WordsTests
{
    readonly Words _words = new(new CalendarOptions());

    [Fact]
    public void Dates_read_in_Indonesian_in_the_agency_s_zone()
    {
        var at = new DateTimeOffset(2026, 11, 30, 7, 5, 0, TimeSpan.Zero);

        Assert.Equal("Senin, 30 November 2026 pukul 14.05 WIB", _words.Long(at));
        Assert.Equal("30/11/2026 14.05", _words.Short(at));
        Assert.Equal("—", _words.Short(null));
    }

    [Fact]
    public void Working_time_and_status_words_are_the_ones_ui_md_names()
    {
        Assert.Equal("1 jam 15 menit kerja", Words.WorkingTime(75));
        Assert.Equal("2 jam kerja", Words.WorkingTime(120));
        Assert.Equal("45 menit kerja", Words.WorkingTime(45));
        Assert.Equal("Diajukan — pemeriksaan kelengkapan", Words.Status("Submitted"));
        Assert.Equal("Dikembalikan — perlu dilengkapi", Words.Status("ReturnedToApplicant"));
        Assert.Equal("Menunggu tanda tangan", Words.Status("AwaitingSignature"));
        Assert.Equal("Kepala Bidang (Kabid)", Words.Role("DivisionHead"));
        Assert.Equal("Kepala Bidang (Kabid) (kabid)", Words.Who("DivisionHead", "kabid"));
        Assert.Equal("Sistem (otomatis)", Words.Who("System", "sistem"));
    }

    [Fact]
    public void Working_time_left_and_overdue_read_in_hours_and_minutes()
    {
        Assert.Equal("Sisa waktu kerja 0 jam 25 menit", Words.TimeLeft(false, 25, 0));
        Assert.Equal("Sisa waktu kerja 7 jam 30 menit", Words.TimeLeft(false, 450, 0));
        Assert.Equal("Terlambat 1 jam 10 menit (waktu kerja)", Words.TimeLeft(true, 0, 70));
        Assert.Null(Words.TimeLeft(false, null, null));
    }
}
