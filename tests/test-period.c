/* test-period.c
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Deadline arithmetic: hours across daylight-saving changes, days counted in the incident's zone,
 * the end of the day, business days across weekends, year ends and holidays. */

#include "config.h"

#include <gio/gio.h>

#include "desk-period.h"
#include "desk-time.h"

typedef struct
{
  const char     *zone;
  const char     *start;
  DeskPeriodUnit  unit;
  guint           amount;
  gboolean        end_of_day;
  gboolean        first_day_counts;
  gboolean        roll_forward;
  gboolean        after_year_end;
  gboolean        holidays;      /* the test calendar rather than weekends only */
  const char     *due;
} Case;

/* A few Japanese holidays and closures, as a rules file's calendar would list them. */
static DeskCalendar *
test_calendar (void)
{
  static const char * const holidays[] = {
    "2026-04-29", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06", "2027-01-01",
  };
  DeskCalendar *calendar = desk_calendar_new ("jp", "Japanese administrative holidays");

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_parse (&date, holidays[i]);
      g_assert_true (g_date_valid (&date));
      desk_calendar_add_holiday (calendar, &date);
    }
  desk_calendar_add_yearly_closure (calendar, G_DATE_DECEMBER, 29);
  desk_calendar_add_yearly_closure (calendar, G_DATE_DECEMBER, 30);
  desk_calendar_add_yearly_closure (calendar, G_DATE_DECEMBER, 31);
  desk_calendar_add_yearly_closure (calendar, G_DATE_JANUARY, 2);
  desk_calendar_add_yearly_closure (calendar, G_DATE_JANUARY, 3);

  return calendar;
}

static void
check_cases (const Case *cases,
             guint       n_cases)
{
  g_autoptr(DeskCalendar) calendar = test_calendar ();

  for (guint i = 0; i < n_cases; i++)
    {
      const Case *c = &cases[i];
      DeskPeriod period = {
        .unit = c->unit, .amount = c->amount, .end_of_day = c->end_of_day,
        .first_day_counts = c->first_day_counts, .roll_forward = c->roll_forward,
        .after_year_end = c->after_year_end,
      };
      g_autoptr(GTimeZone) zone = desk_time_zone_new (c->zone, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *due = NULL;
      gint64 start, expected;

      g_assert_nonnull (zone);
      g_assert_true (desk_time_parse (c->start, zone, &start, &error));
      g_assert_no_error (error);
      g_assert_true (desk_time_parse (c->due, zone, &expected, &error));
      g_assert_no_error (error);

      due = desk_time_format_iso_in_zone (desk_period_add (&period,
                                                           c->holidays ? calendar : NULL,
                                                           start, zone),
                                          zone);
      g_test_message ("case %u: %s + %u in %s", i, c->start, c->amount, c->zone);
      g_assert_cmpstr (due, ==, c->due);
    }
}

/* 72 hours are 72 real hours: across a change to or from summer time the clock on the wall
 * reads an hour more or less. */
static void
test_hours_across_dst (void)
{
  static const Case cases[] = {
    /* Berlin: summer time from 29 March 2026, 02:00 → 03:00 */
    { "Europe/Berlin", "2026-03-27T12:00:00+01:00", DESK_PERIOD_UNIT_HOURS, 72,
      .due = "2026-03-30T13:00:00+02:00" },
    /* and back on 25 October 2026, 03:00 → 02:00 */
    { "Europe/Berlin", "2026-10-23T12:00:00+02:00", DESK_PERIOD_UNIT_HOURS, 72,
      .due = "2026-10-26T11:00:00+01:00" },
    /* New York: 8 March and 1 November 2026 */
    { "America/New_York", "2026-03-07T09:00:00-05:00", DESK_PERIOD_UNIT_HOURS, 24,
      .due = "2026-03-08T10:00:00-04:00" },
    { "America/New_York", "2026-10-31T09:00:00-04:00", DESK_PERIOD_UNIT_HOURS, 72,
      .due = "2026-11-03T08:00:00-05:00" },
    /* and no change at all in Tokyo */
    { "Asia/Tokyo", "2026-04-15T14:00:00+09:00", DESK_PERIOD_UNIT_HOURS, 6,
      .due = "2026-04-15T20:00:00+09:00" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Days and months keep the time of day on the incident's wall clock, summer time or not. */
static void
test_days_across_dst (void)
{
  static const Case cases[] = {
    { "Europe/Berlin", "2026-03-27T12:00:00+01:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 5,
      .due = "2026-04-01T12:00:00+02:00" },
    { "America/New_York", "2026-10-30T09:00:00-04:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 3,
      .due = "2026-11-02T09:00:00-05:00" },
    { "Europe/Berlin", "2026-10-20T08:00:00+02:00", DESK_PERIOD_UNIT_MONTHS, 1,
      .due = "2026-11-20T08:00:00+01:00" },
    /* A month from 31 January ends on the last day of February. */
    { "Europe/Berlin", "2027-01-31T10:00:00+01:00", DESK_PERIOD_UNIT_MONTHS, 1,
      .due = "2027-02-28T10:00:00+01:00" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_end_of_day (void)
{
  static const Case cases[] = {
    /* The day the clock starts is not counted… */
    { "Asia/Tokyo", "2026-04-14T09:30:00+09:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 30, TRUE,
      .due = "2026-05-14T23:59:59+09:00" },
    /* …unless the rule counts it as the first day, as Japan's PPC does. */
    { "Asia/Tokyo", "2026-04-14T09:30:00+09:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 30, TRUE, TRUE,
      .due = "2026-05-13T23:59:59+09:00" },
    /* The day counted in is the incident's: 23:30 UTC is already the next day in Tokyo. */
    { "Asia/Tokyo", "2026-04-14T23:30:00Z", DESK_PERIOD_UNIT_CALENDAR_DAYS, 3, TRUE,
      .due = "2026-04-18T23:59:59+09:00" },
    /* A day that gains an hour still ends at 23:59:59 local time. */
    { "Europe/Berlin", "2026-10-22T15:00:00+02:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 3, TRUE,
      .due = "2026-10-25T23:59:59+01:00" },
    { "Europe/Berlin", "2026-03-26T15:00:00+01:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 3, TRUE,
      .due = "2026-03-29T23:59:59+02:00" },
    /* São Paulo's summer time began at midnight on 4 November 2018: the 3rd ended at 23:59:59
     * standard time, when the clocks jumped to 01:00. */
    { "America/Sao_Paulo", "2018-11-01T10:00:00-03:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 2, TRUE,
      .due = "2018-11-03T23:59:59-03:00" },
    /* 60 days after the end of the calendar year: 1 March, or 29 February in a leap year. */
    { "America/Chicago", "2026-04-14T09:00:00-05:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 60, TRUE,
      .after_year_end = TRUE, .due = "2027-03-01T23:59:59-06:00" },
    { "America/Chicago", "2027-06-01T09:00:00-05:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 60, TRUE,
      .after_year_end = TRUE, .due = "2028-02-29T23:59:59-06:00" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_business_days (void)
{
  static const Case cases[] = {
    /* Weekends: Friday + 1 is Monday; Wednesday + 3 is Monday. */
    { "Europe/Berlin", "2026-04-17T11:00:00+02:00", DESK_PERIOD_UNIT_BUSINESS_DAYS, 1,
      .due = "2026-04-20T11:00:00+02:00" },
    { "America/Sao_Paulo", "2026-04-15T14:00:00-03:00", DESK_PERIOD_UNIT_BUSINESS_DAYS, 3, TRUE,
      .due = "2026-04-20T23:59:59-03:00" },
    /* A clock started on a Saturday counts from Monday. */
    { "Europe/Berlin", "2026-04-18T11:00:00+02:00", DESK_PERIOD_UNIT_BUSINESS_DAYS, 1, TRUE,
      .due = "2026-04-20T23:59:59+02:00" },
    /* Across the year end, weekends only: 30, 31 December, 1, 4 January. */
    { "America/New_York", "2026-12-29T16:00:00-05:00", DESK_PERIOD_UNIT_BUSINESS_DAYS, 4, TRUE,
      .due = "2027-01-04T23:59:59-05:00" },
    /* and with the closures: 29 December to 3 January are off, so 4, 5, 6 and 7 January. */
    { "Asia/Tokyo", "2026-12-28T10:00:00+09:00", DESK_PERIOD_UNIT_BUSINESS_DAYS, 4, TRUE,
      .holidays = TRUE, .due = "2027-01-07T23:59:59+09:00" },
    /* Golden Week: 29 April and 3 to 6 May 2026 are holidays. */
    { "Asia/Tokyo", "2026-04-28T10:00:00+09:00", DESK_PERIOD_UNIT_BUSINESS_DAYS, 3,
      .holidays = TRUE, .due = "2026-05-07T10:00:00+09:00" },
    { "Asia/Tokyo", "2026-04-28T10:00:00+09:00", DESK_PERIOD_UNIT_BUSINESS_DAYS, 3,
      .due = "2026-05-01T10:00:00+09:00" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A deadline on a day off moves to the next business day. */
static void
test_roll_forward (void)
{
  static const Case cases[] = {
    /* 13 June 2026 is a Saturday. */
    { "Asia/Tokyo", "2026-04-15T14:00:00+09:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 60, TRUE, TRUE,
      TRUE, .due = "2026-06-15T23:59:59+09:00" },
    /* 14 May 2026 is a Thursday: it stays. */
    { "Asia/Tokyo", "2026-04-15T14:00:00+09:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 30, TRUE, TRUE,
      TRUE, .due = "2026-05-14T23:59:59+09:00" },
    /* 30 December is closed, 31 December to 3 January too: Monday 4 January 2027. */
    { "Asia/Tokyo", "2026-11-30T09:00:00+09:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 30, TRUE,
      .roll_forward = TRUE, .holidays = TRUE, .due = "2027-01-04T23:59:59+09:00" },
    /* Without the calendar, only the weekend: Wednesday 30 December stays. */
    { "Asia/Tokyo", "2026-11-30T09:00:00+09:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 30, TRUE,
      .roll_forward = TRUE, .due = "2026-12-30T23:59:59+09:00" },
    /* A holiday: 6 May 2026, the substitute for Sunday 3 May. */
    { "Asia/Tokyo", "2026-04-06T09:00:00+09:00", DESK_PERIOD_UNIT_CALENDAR_DAYS, 30, TRUE,
      .roll_forward = TRUE, .holidays = TRUE, .due = "2026-05-07T23:59:59+09:00" },
  };

  check_cases (cases, G_N_ELEMENTS (cases));
}

/* No period, or no clock start, is no deadline. */
static void
test_no_deadline (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();
  DeskPeriod none = { .unit = DESK_PERIOD_UNIT_NONE };
  DeskPeriod hours = { .unit = DESK_PERIOD_UNIT_HOURS, .amount = 72 };

  g_assert_cmpint (desk_period_add (&none, NULL, 1776126600, zone), ==, 0);
  g_assert_cmpint (desk_period_add (&hours, NULL, 0, zone), ==, 0);
  g_assert_cmpint (desk_period_add (&hours, NULL, 1776126600, zone), ==, 1776126600 + 72 * 3600);
}

static void
test_describe (void)
{
  g_autoptr(DeskCalendar) calendar = test_calendar ();
  DeskPeriod hours = { .unit = DESK_PERIOD_UNIT_HOURS, .amount = 1 };
  DeskPeriod business = { .unit = DESK_PERIOD_UNIT_BUSINESS_DAYS, .amount = 4,
                          .end_of_day = TRUE };
  DeskPeriod appi = { .unit = DESK_PERIOD_UNIT_CALENDAR_DAYS, .amount = 30, .end_of_day = TRUE,
                      .first_day_counts = TRUE, .roll_forward = TRUE };
  DeskPeriod none = { .unit = DESK_PERIOD_UNIT_NONE };
  g_autofree char *hours_text = desk_period_describe (&hours, NULL, NULL);
  g_autofree char *business_text = desk_period_describe (&business, calendar, "determination");
  g_autofree char *appi_text = desk_period_describe (&appi, calendar, "awareness");
  g_autofree char *none_text = desk_period_describe (&none, NULL, "awareness");

  g_assert_cmpstr (hours_text, ==, "1 hour");
  g_assert_cmpstr (business_text, ==,
                   "4 business days (Japanese administrative holidays) after determination, to "
                   "the end of the day");
  g_assert_cmpstr (appi_text, ==,
                   "30 calendar days after awareness, counting the first day, to the end of the "
                   "day, or the next business day when that is a day off (Japanese "
                   "administrative holidays)");
  g_assert_cmpstr (none_text, ==, "no fixed period");
}

static void
test_time_zone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tokyo = desk_time_zone_new ("Asia/Tokyo", &error);
  g_autoptr(GTimeZone) local = desk_time_zone_new (NULL, &error);
  g_autoptr(GTimeZone) mars = NULL;
  g_autoptr(GTimeZone) path = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (g_time_zone_get_identifier (tokyo), ==, "Asia/Tokyo");
  g_assert_nonnull (local);

  mars = desk_time_zone_new ("Mars/Olympus_Mons", &error);
  g_assert_null (mars);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "“Mars/Olympus_Mons” is not a time zone"));
  g_clear_error (&error);

  path = desk_time_zone_new ("/usr/share/zoneinfo/Asia/Tokyo", &error);
  g_assert_null (path);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/period/hours-across-dst", test_hours_across_dst);
  g_test_add_func ("/desk/period/days-across-dst", test_days_across_dst);
  g_test_add_func ("/desk/period/end-of-day", test_end_of_day);
  g_test_add_func ("/desk/period/business-days", test_business_days);
  g_test_add_func ("/desk/period/roll-forward", test_roll_forward);
  g_test_add_func ("/desk/period/no-deadline", test_no_deadline);
  g_test_add_func ("/desk/period/describe", test_describe);
  g_test_add_func ("/desk/period/time-zone", test_time_zone);

  return g_test_run ();
}
