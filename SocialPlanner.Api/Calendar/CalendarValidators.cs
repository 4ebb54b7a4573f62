using FluentValidation;
using SocialPlanner.Api.Infrastructure;

namespace SocialPlanner.Api.Calendar;

public sealed class CalendarMonthQueryValidator : AbstractValidator<CalendarMonthQuery>
{
    public CalendarMonthQueryValidator()
    {
        RuleFor(q => q.Month).Must(m => CalendarMonth.TryParse(m, out _)).WithMessage("Required, as YYYY-MM");
        RuleFor(q => q.Tz).Must(RequestValidation.IsIanaTimeZone).When(q => q.Tz is not null).WithMessage(RequestValidation.IanaTimeZone);
    }
}

public sealed class ScheduleValidator : AbstractValidator<ScheduleRequest>
{
    public ScheduleValidator() => RuleFor(r => r.ScheduledAt).NotNull().WithMessage("Required, as an ISO-8601 timestamp");
}
