using System.Globalization;
using FluentValidation;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Queue;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Queue;

/// <summary>Wire forms of a slot's fields: weekday names and 24-hour HH:mm times.</summary>
public static class SlotWire
{
    public const string TimeFormat = "HH:mm";
    public const int MaxSlots = 50;
    public const int MaxRangeDays = 62;

    public static bool IsTime(string? value) =>
        TimeOnly.TryParseExact(value, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static TimeOnly Time(string value) => TimeOnly.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture);

    public static string Time(TimeOnly value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string Weekday(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>Per platform, Monday first, as the week is read here (the Queue page, the export).</summary>
    public static IEnumerable<QueueSlot> InWeekOrder(this IEnumerable<QueueSlot> slots) =>
        slots.OrderBy(s => s.Platform).ThenBy(s => ((int)s.Weekday + 6) % 7).ThenBy(s => s.LocalTime);

    public static bool IsDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class SlotRequestValidator : AbstractValidator<SlotRequest>
{
    public SlotRequestValidator()
    {
        RuleFor(r => r.Platform).NotNull().WithText(RequestValidation.Required)
            .Must(WireEnum.IsAbsentOrNameOf<SocialPlatform>).WithText(WireEnum.Expected<SocialPlatform>());
        RuleFor(r => r.Weekday).NotNull().WithText(RequestValidation.Required)
            .Must(WireEnum.IsAbsentOrNameOf<DayOfWeek>).WithText(WireEnum.Expected<DayOfWeek>());
        RuleFor(r => r.Time).Must(SlotWire.IsTime).WithText("Queue.TimeFormat");
    }
}

public sealed class ReplaceSlotsRequestValidator : AbstractValidator<ReplaceSlotsRequest>
{
    public ReplaceSlotsRequestValidator()
    {
        RuleFor(r => r.Slots).NotNull().WithText(RequestValidation.Required)
            .Must(s => s is null || s.Count <= SlotWire.MaxSlots).WithText("Queue.MaxSlots", SlotWire.MaxSlots);
        RuleForEach(r => r.Slots).NotNull().SetValidator(new SlotRequestValidator());
    }
}

public sealed class QueueRangeQueryValidator : AbstractValidator<QueueRangeQuery>
{
    public QueueRangeQueryValidator()
    {
        RuleFor(q => q.From).Must(SlotWire.IsDate).When(q => q.From is not null).WithText("Validation.Date");
        RuleFor(q => q.To).Must(SlotWire.IsDate).When(q => q.To is not null).WithText("Validation.Date");
        RuleFor(q => q).Must(q => Range(q) is { } r && r.To >= r.From && r.To.DayNumber - r.From.DayNumber < SlotWire.MaxRangeDays)
            .When(q => q.From is not null && q.To is not null && SlotWire.IsDate(q.From) && SlotWire.IsDate(q.To))
            .OverridePropertyName("to").WithText("Queue.RangeOrder", SlotWire.MaxRangeDays);
    }

    private static (DateOnly From, DateOnly To)? Range(QueueRangeQuery q) => (SlotWire.Date(q.From!), SlotWire.Date(q.To!));
}

public sealed class ResumeRequestValidator : AbstractValidator<ResumeRequest>
{
    public const string PublishNow = "publish_now";
    public const string NextSlots = "next_slots";

    public ResumeRequestValidator() =>
        RuleFor(r => r.Overdue).Must(o => o is PublishNow or NextSlots).WithText("Queue.OverdueOneOf", PublishNow, NextSlots);
}
