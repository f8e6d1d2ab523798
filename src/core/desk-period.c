/* desk-period.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Deadline arithmetic. Times are seconds since the epoch, UTC; the time zone is the incident's.
 * Hours are an absolute duration: 72 hours are 72 real hours, whatever daylight-saving time does
 * meanwhile. Days and months are counted on the incident's calendar, in its zone: 5 calendar days
 * after 12:00 are 12:00 five dates later, which across a change to summer time is 119 real
 * hours; the end of the day is the last second before the next local midnight. Business days
 * skip Saturdays, Sundays and the calendar's holidays; a holiday list that does not reach the
 * year counted in skips nothing there, which can only make a deadline earlier, never later.
 */

#define G_LOG_DOMAIN "desk-period"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "desk-period.h"
#include "desk-time.h"

#define SECONDS_PER_HOUR (G_GINT64_CONSTANT (60) * 60)

/* DeskCalendar {{{ */

struct _DeskCalendar
{
  char       *id;
  char       *name;
  GHashTable *holidays;          /* Julian day numbers */
  guint32     closed[13];        /* per month, a bit per day closed every year */
  gatomicrefcount ref_count;
};

G_DEFINE_BOXED_TYPE (DeskCalendar, desk_calendar, desk_calendar_ref, desk_calendar_unref)

/**
 * desk_calendar_new:
 * @name: what people call it, e.g. "US federal holidays"
 *
 * Returns: (transfer full): a calendar without holidays: its business days are Monday to Friday
 */
DeskCalendar *
desk_calendar_new (const char *id,
                   const char *name)
{
  DeskCalendar *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_new0 (DeskCalendar, 1);
  self->id = g_strdup (id);
  self->name = g_strdup (name ? name : id);
  self->holidays = g_hash_table_new (NULL, NULL);
  g_atomic_ref_count_init (&self->ref_count);

  return self;
}

DeskCalendar *
desk_calendar_ref (DeskCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
desk_calendar_unref (DeskCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->holidays);
  g_free (self->id);
  g_free (self->name);
  g_free (self);
}

const char *
desk_calendar_get_id (const DeskCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

/* Returns: (transfer none): the calendar's name, as given (the rulebook translates it) */
const char *
desk_calendar_get_name (const DeskCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

void
desk_calendar_add_holiday (DeskCalendar *self,
                           const GDate  *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid (date));

  g_hash_table_add (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

/**
 * desk_calendar_add_yearly_closure:
 *
 * Makes @day of @month a day off in every year.
 */
void
desk_calendar_add_yearly_closure (DeskCalendar *self,
                                  GDateMonth    month,
                                  GDateDay      day)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (g_date_valid_month (month) && day >= 1 && day <= 31);

  self->closed[month] |= 1u << day;
}

/**
 * desk_calendar_is_business_day:
 * @self: (nullable): the calendar, or %NULL for one without holidays
 *
 * Returns: whether @date is neither a Saturday, a Sunday, a holiday nor a yearly closure
 */
gboolean
desk_calendar_is_business_day (const DeskCalendar *self,
                               const GDate        *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
    return FALSE;

  if (self == NULL)
    return TRUE;

  return !(self->closed[g_date_get_month (date)] & (1u << g_date_get_day (date))) &&
         !g_hash_table_contains (self->holidays, GUINT_TO_POINTER (g_date_get_julian (date)));
}

/* }}} */
/* DeskPeriod {{{ */

void
desk_period_clear (DeskPeriod *self)
{
  g_clear_pointer (&self->calendar, g_free);
}

static gint64
local_time (GTimeZone   *zone,
            const GDate *date,
            int          hour,
            int          minute,
            int          second)
{
  g_autoptr(GDateTime) when = g_date_time_new (zone, g_date_get_year (date),
                                               g_date_get_month (date), g_date_get_day (date),
                                               hour, minute, second);

  return g_date_time_to_unix (when);
}

/* The last second of @date: where the next day's midnight does not exist, GLib takes the moment
 * the clocks jump, which still makes the second before it the day's last. */
static gint64
end_of_day (GTimeZone   *zone,
            const GDate *date)
{
  GDate next = *date;

  g_date_add_days (&next, 1);
  return local_time (zone, &next, 0, 0, 0) - 1;
}

/**
 * desk_period_add:
 * @calendar: (nullable): the calendar @self names, if it names one
 * @start: when the clock started, or 0 if it has not
 * @zone: the time zone days are counted in
 *
 * Returns: the deadline, or 0 when the period has none (%DESK_PERIOD_UNIT_NONE) or the clock has
 *   not started
 */
gint64
desk_period_add (const DeskPeriod   *self,
                 const DeskCalendar *calendar,
                 gint64              start,
                 GTimeZone          *zone)
{
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (zone != NULL, 0);

  if (start == 0 || self->unit == DESK_PERIOD_UNIT_NONE)
    return 0;

  if (self->unit == DESK_PERIOD_UNIT_HOURS)
    return start + self->amount * SECONDS_PER_HOUR;

  local = desk_time_in_zone (start, zone);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  if (self->after_year_end)
    g_date_set_dmy (&date, 31, G_DATE_DECEMBER, g_date_get_year (&date));

  switch (self->unit)
    {
    case DESK_PERIOD_UNIT_CALENDAR_DAYS:
      g_date_add_days (&date, self->first_day_counts ? self->amount - 1 : self->amount);
      break;

    case DESK_PERIOD_UNIT_MONTHS:
      /* GLib keeps the day of the month, or takes the month's last when it has no such day. */
      g_date_add_months (&date, self->amount);
      break;

    case DESK_PERIOD_UNIT_BUSINESS_DAYS:
      /* The day the clock starts is not one of them. */
      for (guint counted = 0; counted < self->amount;)
        {
          g_date_add_days (&date, 1);
          if (desk_calendar_is_business_day (calendar, &date))
            counted++;
        }
      break;

    case DESK_PERIOD_UNIT_NONE:
    case DESK_PERIOD_UNIT_HOURS:
    default:
      g_assert_not_reached ();
    }

  if (self->roll_forward)
    while (!desk_calendar_is_business_day (calendar, &date))
      g_date_add_days (&date, 1);

  if (self->end_of_day)
    return end_of_day (zone, &date);

  return local_time (zone, &date, g_date_time_get_hour (local), g_date_time_get_minute (local),
                     g_date_time_get_second (local));
}

/**
 * desk_period_describe:
 * @calendar: (nullable): the calendar @self names, for its name
 * @anchor: (nullable): what starts the clock, as it reads after "after", e.g. "awareness"
 *
 * Returns: (transfer full): the period as people say it, e.g. "4 business days (US federal
 *   holidays) after determination, to the end of the day", or "no fixed period" for
 *   %DESK_PERIOD_UNIT_NONE
 */
char *
desk_period_describe (const DeskPeriod   *self,
                      const DeskCalendar *calendar,
                      const char         *anchor)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  switch (self->unit)
    {
    case DESK_PERIOD_UNIT_NONE:
      g_string_append (text, _("no fixed period"));
      return g_string_free (text, FALSE);

    case DESK_PERIOD_UNIT_HOURS:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours",
                                                 self->amount), self->amount);
      break;

    case DESK_PERIOD_UNIT_CALENDAR_DAYS:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u calendar day",
                                                 "%u calendar days", self->amount),
                              self->amount);
      break;

    case DESK_PERIOD_UNIT_BUSINESS_DAYS:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u business day",
                                                 "%u business days", self->amount),
                              self->amount);
      if (calendar != NULL)
        /* Translators: after a number of business days: the holidays they skip, e.g. "(US
         * federal holidays)" */
        g_string_append_printf (text, _(" (%s)"), desk_calendar_get_name (calendar));
      break;

    case DESK_PERIOD_UNIT_MONTHS:
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months",
                                                 self->amount), self->amount);
      break;

    default:
      g_assert_not_reached ();
    }

  if (anchor != NULL)
    {
      g_autofree char *amount = g_string_free (g_steal_pointer (&text), FALSE);

      /* Translators: a period and what starts it, e.g. "72 hours after awareness" */
      text = g_string_new (NULL);
      g_string_append_printf (text, _("%s after %s"), amount, anchor);
    }

  if (self->first_day_counts)
    g_string_append (text, _(", counting the first day"));
  if (self->end_of_day)
    g_string_append (text, _(", to the end of the day"));

  if (self->roll_forward && calendar != NULL)
    /* Translators: %s names a calendar, e.g. "Japanese administrative holidays" */
    g_string_append_printf (text, _(", or the next business day when that is a day off (%s)"),
                            desk_calendar_get_name (calendar));
  else if (self->roll_forward)
    g_string_append (text, _(", or the next business day when that is a day off"));

  return g_string_free (text, FALSE);
}

/* }}} */
