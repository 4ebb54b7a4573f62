using FluentValidation;
using SocialPlanner.Api.Infrastructure;

namespace SocialPlanner.Api.Calendar;

public sealed class CalendarMonthQueryValidator : AbstractValidator<CalendarMonthQuery>
{
    public CalendarMonthQueryValidator()
    {
        RuleFor(q => q.Month).Must(m => CalendarMonth.TryParse(m, out _)).WithText("Calendar.MonthFormat");
        RuleFor(q => q.Tz).Must(RequestValidation.IsIanaTimeZone).When(q => q.Tz is not null).WithText(RequestValidation.IanaTimeZone);
    }
}

public sealed class ScheduleValidator : AbstractValidator<ScheduleRequest>
{
    public ScheduleValidator() => RuleFor(r => r.ScheduledAt).NotNull().WithText("Validation.TimestampRequired");
}
