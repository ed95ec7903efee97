using System.Globalization;

namespace PteroAot.Testing.Routes;

/// <summary>
/// The five-field cron evaluation behind a schedule's <c>next_run_at</c> (the panel uses dragonmantank/cron-expression):
/// <c>*</c>, <c>?</c> (day fields), numbers, ranges, steps, lists, and month/weekday names; day-of-week 7 is Sunday;
/// when both day fields are restricted either one matching is enough. Times are UTC (the fake panel's timezone).
/// </summary>
internal static class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>The first minute strictly after <paramref name="from"/> that matches; null when the fields are invalid or never match.</summary>
    public static DateTimeOffset? Next(string minute, string hour, string dayOfMonth, string month, string dayOfWeek, DateTimeOffset from)
    {
        var minutes = Parse(minute, 0, 59, null);
        var hours = Parse(hour, 0, 23, null);
        var days = Parse(dayOfMonth, 1, 31, null, allowQuestion: true);
        var months = Parse(month, 1, 12, MonthNames);
        var weekdays = Parse(dayOfWeek, 0, 7, DayNames, allowQuestion: true);
        if (minutes is null || hours is null || days is null || months is null || weekdays is null)
        {
            return null;
        }

        weekdays[0] |= weekdays[7];
        var domRestricted = !IsWildcard(dayOfMonth);
        var dowRestricted = !IsWildcard(dayOfWeek);
        var utc = from.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero).AddMinutes(1);
        for (var day = start.Date; day < start.Date.AddYears(8); day = day.AddDays(1))
        {
            if (!months[day.Month])
            {
                continue;
            }

            bool domMatch = days[day.Day], dowMatch = weekdays[(int)day.DayOfWeek];
            var dayMatches = domRestricted && dowRestricted ? domMatch || dowMatch : domMatch && dowMatch;
            if (!dayMatches)
            {
                continue;
            }

            for (var h = 0; h < 24; h++)
            {
                if (!hours[h])
                {
                    continue;
                }

                for (var m = 0; m < 60; m++)
                {
                    var candidate = new DateTimeOffset(day.Year, day.Month, day.Day, h, m, 0, TimeSpan.Zero);
                    if (minutes[m] && candidate >= start)
                    {
                        return candidate;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsWildcard(string field) => field is "*" or "?";

    private static bool[]? Parse(string field, int min, int max, string[]? names, bool allowQuestion = false)
    {
        var set = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var part = item;
            var step = 1;
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
                {
                    return null;
                }

                part = part[..slash];
            }

            int from, to;
            if (part == "*" || (allowQuestion && part == "?"))
            {
                (from, to) = (min, max);
            }
            else
            {
                var dash = part.IndexOf('-', StringComparison.Ordinal);
                if (dash > 0)
                {
                    if (Value(part[..dash], names, min) is not { } a || Value(part[(dash + 1)..], names, min) is not { } b)
                    {
                        return null;
                    }

                    (from, to) = (a, b);
                }
                else if (Value(part, names, min) is { } single)
                {
                    (from, to) = (single, slash >= 0 ? max : single);
                }
                else
                {
                    return null;
                }
            }

            if (from < min || to > max || from > to)
            {
                return null;
            }

            for (var v = from; v <= to; v += step)
            {
                set[v] = true;
            }
        }

        return set;
    }

    private static int? Value(string text, string[]? names, int min)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        if (names is not null)
        {
            var index = Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index + min;
            }
        }

        return null;
    }
}
