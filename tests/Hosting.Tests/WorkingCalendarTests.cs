using Microsoft.Extensions.Configuration;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Hosting.Tests;

/// <summary>
/// The agency's working time, by default in WIB (UTC+7): Mon–Thu 07:30–12:00 and 13:00–16:00, Fri 07:30–11:30 and
/// 13:00–16:30 (7.5 h each day, 37.5 h a week). Every expected value is worked out by hand in the comment above it.
/// </summary>
public class WorkingCalendarTests
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    // 2026-11-23 is a Monday; 26 a Thursday, 27 a Friday, 30 the next Monday.
    static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Wib);

    static DateTimeOffset Dec(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, Wib);

    static WorkingCalendar Calendar(params (string Key, string Value)[] settings) =>
        new(CalendarOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build()));

    [Fact]
    public void The_default_week_is_thirty_seven_and_a_half_hours()
    {
        var calendar = Calendar();
        // Mon–Thu 4.5 h + 3 h, Fri 4 h + 3.5 h: 7.5 h a day, 37.5 h from Monday 00:00 to the next Monday 00:00.
        Assert.Equal(TimeSpan.FromHours(7.5), calendar.WorkingDayLength(new DateOnly(2026, 11, 23)));
        Assert.Equal(TimeSpan.FromHours(7.5), calendar.WorkingDayLength(new DateOnly(2026, 11, 27)));
        Assert.Equal(TimeSpan.FromHours(37.5), calendar.Between(At(23, 0), At(30, 0)));
    }

    [Fact]
    public void An_hour_within_the_working_day_is_an_hour_later()
    {
        Assert.Equal(At(23, 10), Calendar().Add(At(23, 9), OneHour));
    }

    [Fact]
    public void An_hour_that_spans_lunch_does_not_count_the_break()
    {
        // Monday 11:30: 30 min until the 12:00 break, the break 12:00–13:00 is not working time, 30 min more from 13:00 → 13:30.
        var calendar = Calendar();
        Assert.Equal(At(23, 13, 30), calendar.Add(At(23, 11, 30), OneHour));
        Assert.Equal(OneHour, calendar.Between(At(23, 11, 30), At(23, 13, 30)));
    }

    [Fact]
    public void A_target_started_at_11_45_on_a_Friday_waits_for_the_Friday_prayer_break()
    {
        // Friday's morning window closes at 11:30; 11:45 is in the break until 13:00, so one hour runs 13:00–14:00.
        var calendar = Calendar();
        Assert.Equal(At(27, 14), calendar.Add(At(27, 11, 45), OneHour));
        // One working day from the same moment: the whole Friday morning (07:30–11:30, 4 h) is behind it, so it is due 4 h into
        // Monday's working time, 07:30 + 4 h = 11:30 (Friday 13:00–16:30 is 3.5 h + Monday 4 h = 7.5 h).
        Assert.Equal(At(30, 11, 30), calendar.AddWorkingDays(At(27, 11, 45), 1));
        Assert.Equal(TimeSpan.FromHours(7.5), calendar.Between(At(27, 11, 45), At(30, 11, 30)));
    }

    [Fact]
    public void An_hour_started_at_15_50_on_Thursday_ends_on_Friday_morning()
    {
        // Thursday 15:50–16:00 is 10 min; the other 50 min run from Friday's 07:30 opening → 08:20.
        Assert.Equal(At(27, 8, 20), Calendar().Add(At(26, 15, 50), OneHour));
    }

    [Fact]
    public void A_working_day_started_on_a_Friday_afternoon_ends_on_Monday_at_the_same_point_of_the_day()
    {
        // Friday 14:00 is 5 h into Friday's working time (07:30–11:30 = 4 h, 13:00–14:00 = 1 h). Monday at 5 h: 07:30–12:00 = 4.5 h,
        // then 30 min from 13:00 → 13:30. Counted: Friday 14:00–16:30 = 2.5 h + Monday 5 h = 7.5 h, one day's working time.
        var calendar = Calendar();
        Assert.Equal(At(30, 13, 30), calendar.AddWorkingDays(At(27, 14), 1));
        Assert.Equal(TimeSpan.FromHours(7.5), calendar.Between(At(27, 14), At(30, 13, 30)));
    }

    [Fact]
    public void Work_arriving_before_opening_or_on_a_day_off_has_until_the_close_of_the_Nth_working_day()
    {
        var calendar = Calendar();
        // Monday 06:00: the whole Monday is the first day → Monday's close, 16:00; two days → Tuesday 16:00.
        Assert.Equal(At(23, 16), calendar.AddWorkingDays(At(23, 6), 1));
        Assert.Equal(At(24, 16), calendar.AddWorkingDays(At(23, 6), 2));
        // Thursday 20:00 (after closing): Friday is the first day → Friday's close, 16:30. Saturday 10:00 → Monday 16:00.
        Assert.Equal(At(27, 16, 30), calendar.AddWorkingDays(At(26, 20), 1));
        Assert.Equal(At(30, 16), calendar.AddWorkingDays(At(28, 10), 1));
    }

    [Fact]
    public void Several_working_days_skip_the_weekend()
    {
        // Thursday 09:00 is 1.5 h into the day; three working days on (Fri, Mon, Tue) at 1.5 h → Tuesday 09:00.
        Assert.Equal(Dec(1, 9), Calendar().AddWorkingDays(At(26, 9), 3));
    }

    static readonly (string, string)[] Ramadan =
    [
        ("Calendar:Overrides:0:Name", "Ramadan"),
        ("Calendar:Overrides:0:From", "2026-11-30"),
        ("Calendar:Overrides:0:To", "2026-12-04"),
        ("Calendar:Overrides:0:Week:Mon", "08:00-12:00,12:30-15:00"),
        ("Calendar:Overrides:0:Week:Tue", "08:00-12:00,12:30-15:00"),
        ("Calendar:Overrides:0:Week:Wed", "08:00-12:00,12:30-15:00"),
        ("Calendar:Overrides:0:Week:Thu", "08:00-12:00,12:30-15:00"),
        ("Calendar:Overrides:0:Week:Fri", "08:00-11:30,13:00-15:30"),
    ];

    [Fact]
    public void A_Ramadan_override_gives_its_dates_other_hours()
    {
        var calendar = Calendar(Ramadan);
        // Ramadan Monday: 08:00–12:00 (4 h) + 12:30–15:00 (2.5 h) = 6.5 h.
        Assert.Equal(TimeSpan.FromHours(6.5), calendar.WorkingDayLength(new DateOnly(2026, 11, 30)));
        // Monday 14:30 + 1 h: 30 min until 15:00, then Tuesday from 08:00 → 08:30.
        Assert.Equal(Dec(1, 8, 30), calendar.Add(At(30, 14, 30), OneHour));
        // Monday 11:45 + 1 h: 15 min to 12:00, break until 12:30, 45 min more → 13:15.
        Assert.Equal(At(30, 13, 15), calendar.Add(At(30, 11, 45), OneHour));
        // One working day from Friday 27 November 14:00 (ordinary, 5 h in) → Monday 30 (Ramadan) 5 h in: 08:00–12:00 = 4 h, 12:30 + 1 h → 13:30.
        Assert.Equal(At(30, 13, 30), calendar.AddWorkingDays(At(27, 14), 1));
        // Friday 16:15 is 7.25 h in; the Ramadan Monday has only 6.5 h, so the day ends at its close, 15:00.
        Assert.Equal(At(30, 15), calendar.AddWorkingDays(At(27, 16, 15), 1));
        // After the override the ordinary week returns: Monday 7 December 07:30 + 1 h → 08:30.
        Assert.Equal(Dec(7, 8, 30), calendar.Add(Dec(7, 7, 30), OneHour));
    }

    [Fact]
    public void A_cuti_bersama_bridge_day_is_not_working_time()
    {
        // 2026: Christmas is Friday 25 December, and Thursday 24 is cuti bersama: with the weekend, four days off after Wednesday.
        var calendar = Calendar(("Calendar:Holidays:0", "2026-12-24 Cuti bersama Hari Raya Natal"), ("Calendar:Holidays:1", "2026-12-25 Hari Raya Natal"));
        Assert.Equal("Cuti bersama Hari Raya Natal", calendar.HolidayOn(new DateOnly(2026, 12, 24))?.Name);
        // Wednesday 15:00 + 2 h: 1 h to 16:00, then Monday 28 from 07:30 → 08:30.
        Assert.Equal(Dec(28, 8, 30), calendar.Add(Dec(23, 15), TimeSpan.FromHours(2)));
        // One working day from Wednesday 10:00 (2.5 h in) → Monday 28, 2.5 h in → 10:00.
        Assert.Equal(Dec(28, 10), calendar.AddWorkingDays(Dec(23, 10), 1));
        Assert.Equal(TimeSpan.Zero, calendar.Between(Dec(24, 8), Dec(25, 16)));
    }

    [Fact]
    public void Holidays_are_skipped_like_weekends()
    {
        // Monday 15:30 + 1 h: 30 min on Monday; Tuesday and Wednesday are holidays; Thursday 07:30 + 30 min → 08:00.
        var calendar = Calendar(("Calendar:Holidays:0", "2026-11-24"), ("Calendar:Holidays:1", "2026-11-25"));
        Assert.Equal(At(26, 8), calendar.Add(At(23, 15, 30), OneHour));
    }

    [Fact]
    public void A_regency_in_Bali_counts_in_WITA()
    {
        var calendar = Calendar(("Calendar:TimeZone", "Asia/Makassar"));
        var wita = TimeSpan.FromHours(8);
        // Monday 11:30 WITA + 1 h: 30 min to 12:00 WITA, lunch, 13:00–13:30 WITA (= 05:30 UTC).
        var due = calendar.Add(new DateTimeOffset(2026, 11, 23, 11, 30, 0, wita), OneHour);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 5, 30, 0, TimeSpan.Zero), due);
        Assert.Equal(wita, calendar.ToAgencyTime(due).Offset);
        // The same instant written in WIB (10:30 WIB = 11:30 WITA) is the same work: due 13:30 WITA.
        Assert.Equal(due, calendar.Add(At(23, 10, 30), OneHour));
        // 07:00 WIB is 08:00 WITA, already half an hour into the WITA day: 1 h → 09:00 WITA = 08:00 WIB.
        Assert.Equal(At(23, 8), calendar.Add(At(23, 7), OneHour));
    }

    [Fact]
    public void Work_arriving_before_opening_starts_counting_at_opening()
    {
        Assert.Equal(At(23, 8, 30), Calendar().Add(At(23, 6), OneHour));
    }

    [Fact]
    public void Work_arriving_in_the_evening_starts_counting_the_next_morning()
    {
        Assert.Equal(At(24, 8, 30), Calendar().Add(At(23, 20), OneHour));
    }

    [Fact]
    public void Friday_late_afternoon_work_is_due_on_Monday()
    {
        // Friday 16:00: 30 min to the 16:30 close, 30 min more from Monday 07:30 → 08:00.
        Assert.Equal(At(30, 8), Calendar().Add(At(27, 16), OneHour));
    }

    [Fact]
    public void A_target_that_ends_exactly_at_closing_is_due_at_closing()
    {
        Assert.Equal(At(23, 16), Calendar().Add(At(23, 15), OneHour));
        // And one that ends at the start of the break is due then, not when the afternoon opens.
        Assert.Equal(At(23, 12), Calendar().Add(At(23, 11), OneHour));
    }

    [Fact]
    public void Instants_in_other_offsets_are_read_in_the_agency_zone()
    {
        // 02:00 UTC is 09:00 WIB.
        var utc = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(At(23, 10), Calendar().Add(utc, OneHour));
    }

    [Fact]
    public void The_older_one_window_keys_still_configure_the_week()
    {
        var calendar = Calendar(("Calendar:TimeZone", "Asia/Makassar"), ("Calendar:WorkStart", "08:00"), ("Calendar:WorkEnd", "12:00"),
            ("Calendar:WorkDays", "Mon,Tue,Wed,Thu,Fri,Sat"));
        var wita = TimeSpan.FromHours(8);
        // Saturday 11:30 WITA + 1 h: half an hour on Saturday, Sunday off, Monday 08:30.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, wita), calendar.Add(new DateTimeOffset(2026, 11, 28, 11, 30, 0, wita), OneHour));
    }

    [Fact]
    public void Week_keys_replace_a_day_s_windows()
    {
        // Saturday 08:00–12:00 added: Friday 16:00 + 1 h → 30 min on Friday, Saturday 08:00 + 30 min → 08:30.
        var calendar = Calendar(("Calendar:Week:Sat", "08:00-12:00"));
        Assert.Equal(At(28, 8, 30), calendar.Add(At(27, 16), OneHour));
    }

    [Fact]
    public void Always_open_counts_every_minute()
    {
        var calendar = Calendar(("Calendar:AlwaysOpen", "true"));
        Assert.Equal(At(29, 3, 5), calendar.Add(At(29, 3), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Working_time_between_two_instants_skips_breaks_nights_weekends_and_holidays()
    {
        var calendar = Calendar(("Calendar:Holidays:0", "2026-11-30"));
        // Fri 15:00–16:30 (1.5 h) + Tue 07:30–09:00 (1.5 h); Monday is a holiday.
        Assert.Equal(TimeSpan.FromHours(3), calendar.Between(At(27, 15), Dec(1, 9)));
        Assert.Equal(TimeSpan.Zero, calendar.Between(At(28, 9), At(29, 15)));
        Assert.Equal(TimeSpan.Zero, calendar.Between(At(23, 12), At(23, 13)));
    }

    [Fact]
    public void A_newer_revision_of_holidays_takes_effect_and_an_older_one_does_not()
    {
        var calendar = Calendar();
        Assert.True(calendar.Apply(2, [new Holiday(new DateOnly(2026, 11, 24), "Hari libur daerah")], []));
        // Monday 15:30 + 1 h: Tuesday is now a holiday → Wednesday 08:00.
        Assert.Equal(At(25, 8), calendar.Add(At(23, 15, 30), OneHour));
        Assert.False(calendar.Apply(1, [], []));
        Assert.Equal(At(25, 8), calendar.Add(At(23, 15, 30), OneHour));
    }

    [Theory]
    [InlineData("Calendar:TimeZone", "Mars/Olympus")]
    [InlineData("Calendar:WorkStart", "7.30")]
    [InlineData("Calendar:WorkDays", "Mon,Funday")]
    [InlineData("Calendar:Week:Mon", "13:00-16:00,07:30-12:00")]
    [InlineData("Calendar:Week:Funday", "07:30-12:00")]
    [InlineData("Calendar:Holidays:0", "17-08-2026")]
    [InlineData("Calendar:Overrides:0:From", "2026-13-01")]
    [InlineData("Calendar:AlwaysOpen", "yes")]
    public void A_bad_setting_stops_start_up_naming_the_key(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Calendar((key, value)));
        Assert.Contains(key.Split(':')[1], error.Message);
    }

    [Fact]
    public void Service_levels_default_to_the_SOP_and_can_be_overridden()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Sla:CompletenessCheck", "00:00:05")])
            .Build();
        var levels = new ServiceLevels(configuration);
        Assert.Equal(SlaTarget.Time(TimeSpan.FromSeconds(5)), levels[ServiceLevels.CompletenessCheck]);
        Assert.Equal(SlaTarget.Hours(1), levels[ServiceLevels.AccountApproval]);
        Assert.Equal(SlaTarget.Days(1), levels[ServiceLevels.Signing]);
        Assert.Throws<InvalidOperationException>(() => new ServiceLevels(
            new ConfigurationBuilder().AddInMemoryCollection([new("Sla:Lunch", "01:00:00")]).Build()));
    }
}
