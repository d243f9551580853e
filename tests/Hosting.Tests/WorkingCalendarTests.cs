using Microsoft.Extensions.Configuration;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Hosting.Tests;

/// <summary>The agency's working time: Mon–Fri 07:30–16:00 WIB (UTC+7) unless configured otherwise.</summary>
public class WorkingCalendarTests
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    static readonly TimeSpan OneHour = TimeSpan.FromHours(1);

    // 2026-11-23 is a Monday.
    static DateTimeOffset At(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, Wib);

    static WorkingCalendar Calendar(params (string Key, string Value)[] settings) =>
        new(CalendarOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build()));

    [Fact]
    public void An_hour_within_the_working_day_is_an_hour_later()
    {
        Assert.Equal(At(23, 10), Calendar().Add(At(23, 9), OneHour));
    }

    [Fact]
    public void Time_left_at_closing_carries_over_to_the_next_morning()
    {
        Assert.Equal(At(24, 8), Calendar().Add(At(23, 15, 30), OneHour));
    }

    [Fact]
    public void A_target_that_ends_exactly_at_closing_is_due_at_closing()
    {
        Assert.Equal(At(23, 16), Calendar().Add(At(23, 15), OneHour));
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
    public void Friday_afternoon_work_is_due_on_Monday()
    {
        Assert.Equal(At(30, 8), Calendar().Add(At(27, 15, 30), OneHour));
    }

    [Fact]
    public void Weekend_arrivals_are_due_on_Monday_morning()
    {
        Assert.Equal(At(30, 8, 30), Calendar().Add(At(29, 11), OneHour));
    }

    [Fact]
    public void Holidays_are_skipped_like_weekends()
    {
        var calendar = Calendar(("Calendar:Holidays:0", "2026-11-24"), ("Calendar:Holidays:1", "2026-11-25"));
        Assert.Equal(At(26, 8), calendar.Add(At(23, 15, 30), OneHour));
    }

    [Fact]
    public void One_working_day_from_mid_morning_ends_mid_morning_the_next_day()
    {
        var calendar = Calendar();
        Assert.Equal(At(24, 10), calendar.Add(At(23, 10), TimeSpan.FromHours(8.5)));
    }

    [Fact]
    public void Several_working_days_skip_the_weekend()
    {
        // Three working days (3 × 8.5 h) from Thursday 09:00 end Tuesday 09:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, Wib), Calendar().Add(At(26, 9), TimeSpan.FromHours(25.5)));
    }

    [Fact]
    public void Instants_in_other_offsets_are_read_in_the_agency_zone()
    {
        // 02:00 UTC is 09:00 WIB.
        var utc = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(At(23, 10), Calendar().Add(utc, OneHour));
    }

    [Fact]
    public void Configured_hours_days_and_zone_are_used()
    {
        var calendar = Calendar(("Calendar:TimeZone", "Asia/Makassar"), ("Calendar:WorkStart", "08:00"), ("Calendar:WorkEnd", "12:00"),
            ("Calendar:WorkDays", "Mon,Tue,Wed,Thu,Fri,Sat"));
        var wita = TimeSpan.FromHours(8);
        // Saturday 11:30 WITA + 1 h: half an hour on Saturday, Sunday off, Monday 08:30.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 30, 0, wita), calendar.Add(new DateTimeOffset(2026, 11, 28, 11, 30, 0, wita), OneHour));
    }

    [Fact]
    public void Always_open_counts_every_minute()
    {
        var calendar = Calendar(("Calendar:AlwaysOpen", "true"));
        Assert.Equal(At(29, 3, 5), calendar.Add(At(29, 3), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Working_time_between_two_instants_skips_nights_weekends_and_holidays()
    {
        var calendar = Calendar(("Calendar:Holidays:0", "2026-11-30"));
        // Fri 15:00–16:00 (1 h) + Tue 07:30–09:00 (1.5 h); Monday is a holiday.
        Assert.Equal(TimeSpan.FromHours(2.5), calendar.Between(At(27, 15), new DateTimeOffset(2026, 12, 1, 9, 0, 0, Wib)));
        Assert.Equal(TimeSpan.Zero, calendar.Between(At(28, 9), At(29, 15)));
    }

    [Theory]
    [InlineData("Calendar:TimeZone", "Mars/Olympus")]
    [InlineData("Calendar:WorkStart", "7.30")]
    [InlineData("Calendar:WorkDays", "Mon,Funday")]
    [InlineData("Calendar:Holidays:0", "17-08-2026")]
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
        var levels = new ServiceLevels(configuration, new CalendarOptions());
        Assert.Equal(TimeSpan.FromSeconds(5), levels[ServiceLevels.CompletenessCheck]);
        Assert.Equal(OneHour, levels[ServiceLevels.AccountApproval]);
        Assert.Equal(TimeSpan.FromHours(8.5), levels[ServiceLevels.Signing]);
        Assert.Throws<InvalidOperationException>(() => new ServiceLevels(
            new ConfigurationBuilder().AddInMemoryCollection([new("Sla:Lunch", "01:00:00")]).Build(), new CalendarOptions()));
    }
}
