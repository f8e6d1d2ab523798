/* desk-period.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-types.h"

G_BEGIN_DECLS

/**
 * DeskCalendar:
 *
 * The days a business-day count skips besides Saturdays and Sundays: a list of holidays (dates)
 * and days closed every year (e.g. 29 December to 3 January for Japanese government offices).
 * Immutable once built; reference counted.
 */
typedef struct _DeskCalendar DeskCalendar;

#define DESK_TYPE_CALENDAR (desk_calendar_get_type ())

GType         desk_calendar_get_type        (void) G_GNUC_CONST;
DeskCalendar *desk_calendar_new             (const char          *id,
                                             const char          *name);
DeskCalendar *desk_calendar_ref             (DeskCalendar        *self);
void          desk_calendar_unref           (DeskCalendar        *self);
const char   *desk_calendar_get_id          (const DeskCalendar  *self);
const char   *desk_calendar_get_name        (const DeskCalendar  *self);
void          desk_calendar_add_holiday     (DeskCalendar        *self,
                                             const GDate         *date);
void          desk_calendar_add_yearly_closure (DeskCalendar     *self,
                                             GDateMonth           month,
                                             GDateDay             day);
gboolean      desk_calendar_is_business_day (const DeskCalendar  *self,
                                             const GDate         *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCalendar, desk_calendar_unref)

/**
 * DeskPeriod:
 * @unit: how @amount counts; %DESK_PERIOD_UNIT_NONE for "promptly", which has no due time
 * @amount: how many hours, days or months
 * @end_of_day: the deadline is the end of the last day, in the incident's time zone, rather than
 *   the time of day the clock started (never for hours)
 * @first_day_counts: calendar days count the day the clock starts as the first, as Japan's
 *   PPC does (30 days from 1 April end on 30 April); otherwise the next day is the first
 * @roll_forward: a deadline that falls on a day that is not a business day moves to the next one
 * @after_year_end: the count starts at the end of the calendar year the clock started in
 * @calendar: (nullable): the id of the calendar whose holidays business days skip, and that
 *   @roll_forward follows; %NULL for Saturdays and Sundays only
 *
 * How long a deadline rule gives, from the moment its clock starts.
 */
typedef struct
{
  DeskPeriodUnit  unit;
  guint           amount;
  gboolean        end_of_day;
  gboolean        first_day_counts;
  gboolean        roll_forward;
  gboolean        after_year_end;
  char           *calendar;
} DeskPeriod;

void          desk_period_clear             (DeskPeriod          *self);
gint64        desk_period_add               (const DeskPeriod    *self,
                                             const DeskCalendar  *calendar,
                                             gint64               start,
                                             GTimeZone           *zone);
char         *desk_period_describe          (const DeskPeriod    *self,
                                             const DeskCalendar  *calendar,
                                             const char          *anchor);

G_END_DECLS
