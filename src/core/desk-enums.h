/* desk-enums.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * This program is free software: you can redistribute it and/or modify it under the terms of the
 * GNU General Public License as published by the Free Software Foundation, either version 3 of
 * the License, or (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The nick of each value (e.g. "account-manager") is what the database, the command line and
 * the sync wire format store; never renumber or rename a value once it has shipped. */

typedef enum
{
  DESK_INCIDENT_STATUS_DETECTED,
  DESK_INCIDENT_STATUS_INVESTIGATING,
  DESK_INCIDENT_STATUS_CONTAINED,
  DESK_INCIDENT_STATUS_RECOVERED,
  DESK_INCIDENT_STATUS_CLOSED,
} DeskIncidentStatus;

typedef enum
{
  DESK_SEVERITY_LOW,
  DESK_SEVERITY_MEDIUM,
  DESK_SEVERITY_HIGH,
  DESK_SEVERITY_CRITICAL,
} DeskSeverity;

/* How far an account or a contract is known to be hit. */
typedef enum
{
  DESK_EXPOSURE_POTENTIAL,
  DESK_EXPOSURE_CONFIRMED,
  DESK_EXPOSURE_CLEARED,
} DeskExposure;

#define DESK_N_EXPOSURES (DESK_EXPOSURE_CLEARED + 1)

typedef enum
{
  DESK_CHANNEL_ACCOUNT_MANAGER,
  DESK_CHANNEL_EMAIL,
  DESK_CHANNEL_PORTAL,
  DESK_CHANNEL_LETTER,
  DESK_CHANNEL_PHONE,
  DESK_CHANNEL_PRESS_RELEASE,
  DESK_CHANNEL_REGULATOR_FILING,
} DeskChannel;

#define DESK_N_CHANNELS (DESK_CHANNEL_REGULATOR_FILING + 1)

typedef enum
{
  DESK_NOTIFICATION_STATUS_NOT_STARTED,
  DESK_NOTIFICATION_STATUS_DRAFTED,
  DESK_NOTIFICATION_STATUS_APPROVED,
  DESK_NOTIFICATION_STATUS_SENT,
  DESK_NOTIFICATION_STATUS_DELIVERED,
  DESK_NOTIFICATION_STATUS_BOUNCED,
  DESK_NOTIFICATION_STATUS_ACKNOWLEDGED,
  DESK_NOTIFICATION_STATUS_NOT_REQUIRED,
} DeskNotificationStatus;

#define DESK_N_NOTIFICATION_STATUSES (DESK_NOTIFICATION_STATUS_NOT_REQUIRED + 1)

typedef enum
{
  DESK_RECIPIENT_CUSTOMER,
  DESK_RECIPIENT_REGULATOR,
  DESK_RECIPIENT_PUBLIC,
} DeskRecipient;

typedef enum
{
  DESK_ITEM_STATUS_TODO,
  DESK_ITEM_STATUS_IN_PROGRESS,
  DESK_ITEM_STATUS_BLOCKED,
  DESK_ITEM_STATUS_DONE,
  DESK_ITEM_STATUS_NOT_APPLICABLE,
} DeskItemStatus;

/* What starts a customer's contractual notification clock. */
typedef enum
{
  DESK_NOTICE_BASIS_DETECTION,
  DESK_NOTICE_BASIS_CONFIRMATION,
} DeskNoticeBasis;

/* How the customers of an incident are ordered in its lists. */
typedef enum
{
  DESK_CUSTOMER_SORT_CONTRACT,
  DESK_CUSTOMER_SORT_NAME,
  DESK_CUSTOMER_SORT_ACCOUNT_MANAGER,
  DESK_CUSTOMER_SORT_EXPOSURE,
  DESK_CUSTOMER_SORT_ACCOUNTS,
  DESK_CUSTOMER_SORT_CONFIRMED,
  DESK_CUSTOMER_SORT_NOTIFICATION,
} DeskCustomerSort;

/* Which customers a list shows, by the state of their notice. */
typedef enum
{
  DESK_NOTICE_FILTER_ALL,
  DESK_NOTICE_FILTER_PENDING,    /* to be notified: not yet sent, or bounced */
  DESK_NOTICE_FILTER_NOTIFIED,   /* sent, delivered or acknowledged */
} DeskNoticeFilter;

/* The text encoding of an imported CSV file. AUTO reads a UTF-8 byte-order mark, or tells UTF-8
 * from the CP932 (Windows Shift_JIS) that spreadsheet programs write in Japan. */
typedef enum
{
  DESK_CSV_ENCODING_AUTO,
  DESK_CSV_ENCODING_UTF8,  /*< nick=utf-8 >*/
  DESK_CSV_ENCODING_CP932,
} DeskCsvEncoding;

/* What a column of an imported account list holds, matched by its header. */
typedef enum
{
  DESK_IMPORT_COLUMN_IGNORED,
  DESK_IMPORT_COLUMN_ACCOUNT,
  DESK_IMPORT_COLUMN_CUSTOMER_ID,
  DESK_IMPORT_COLUMN_CUSTOMER_NAME,
  DESK_IMPORT_COLUMN_CATEGORY,
  DESK_IMPORT_COLUMN_STATUS,
} DeskImportColumn;

#define DESK_N_IMPORT_COLUMNS (DESK_IMPORT_COLUMN_STATUS + 1)

/* How a search text picks accounts: by their start (a mail address's user, say) or anywhere
 * in them (a domain). Both ignore ASCII case. */
typedef enum
{
  DESK_ACCOUNT_MATCH_PREFIX,
  DESK_ACCOUNT_MATCH_CONTAINS,
} DeskAccountMatch;

/* Where an obligation to report stands. */
typedef enum
{
  DESK_OBLIGATION_STATUS_OPEN,
  DESK_OBLIGATION_STATUS_FILED,
  DESK_OBLIGATION_STATUS_NOT_APPLICABLE,
} DeskObligationStatus;

/* Where a figure of the incident's history came from: the announced estimate people typed, or
 * the count after an account import. */
typedef enum
{
  DESK_FIGURE_SOURCE_ESTIMATE,
  DESK_FIGURE_SOURCE_IMPORT,
} DeskFigureSource;

/* What starts a deadline rule's clock: an event of the incident, or the filing of an earlier
 * stage of the same rule. */
typedef enum
{
  DESK_CLOCK_EVENT_DETECTION,
  DESK_CLOCK_EVENT_AWARENESS,
  DESK_CLOCK_EVENT_DETERMINATION,
  DESK_CLOCK_EVENT_FILING,
} DeskClockEvent;

/* How a deadline rule's period counts. NONE: the law sets no number ("promptly"). */
typedef enum
{
  DESK_PERIOD_UNIT_NONE,
  DESK_PERIOD_UNIT_HOURS,
  DESK_PERIOD_UNIT_CALENDAR_DAYS,
  DESK_PERIOD_UNIT_BUSINESS_DAYS,
  DESK_PERIOD_UNIT_MONTHS,
} DeskPeriodUnit;

/* What a deadline is for: a regulatory obligation or a notice of the ledger. */
typedef enum
{
  DESK_DEADLINE_KIND_OBLIGATION,
  DESK_DEADLINE_KIND_NOTICE,
} DeskDeadlineKind;

typedef enum
{
  DESK_DEADLINE_STATE_UPCOMING,
  DESK_DEADLINE_STATE_OVERDUE,
  DESK_DEADLINE_STATE_DONE,
} DeskDeadlineState;

/* The thresholds a reminder is sent at, once each. */
typedef enum
{
  DESK_REMINDER_DUE_SOON,
  DESK_REMINDER_OVERDUE,
} DeskReminderKind;

G_END_DECLS
